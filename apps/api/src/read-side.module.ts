import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { EscalationQueryService } from './escalations/escalation-query.service';
import { EscalationsController } from './escalations/escalations.controller';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { NotificationQueryService } from './notifications/notification-query.service';
import { NotificationsController } from './notifications/notifications.controller';

/** What supervisors and staff read: inbox, notifications, escalations, dashboard aggregates. */
@Module({
  controllers: [InboxController, NotificationsController, EscalationsController, DashboardController],
  providers: [InboxService, NotificationQueryService, EscalationQueryService, DashboardService],
  exports: [DashboardService, EscalationQueryService, InboxService],
})
export class ReadSideModule {}
