import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationQueryService } from './notification-query.service';

/** The actor's notifications and their read marks (/notifications). */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationQueryService],
  exports: [NotificationQueryService],
})
export class NotificationsModule {}
