import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Request, Response, NextFunction } from 'express';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { PlansModule } from '../plans/plans.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { EscalationsModule } from '../escalations/escalations.module';
import { InboxModule } from '../inbox/inbox.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TasksModule } from '../tasks/tasks.module';
import { UnitsModule } from '../units/units.module';
import { WebAssetsController } from './assets/web-assets.controller';
import { CalendarPageController } from './pages/calendar.controller';
import { EscalationsPageController } from './pages/escalations.controller';
import { InboxPageController } from './pages/inbox.controller';
import { MessagesPageController } from './pages/messages.controller';
import { UnreadCountInterceptor } from './pages/unread-count.interceptor';
import { LedgerController } from './pages/ledger.controller';
import { OverviewController } from './pages/overview.controller';
import { PlanImportPageController } from './pages/plan-import.controller';
import { TaskDetailController } from './pages/task-detail.controller';
import { LoginController } from './session/login.controller';
import { OidcLoginController } from './session/oidc-login.controller';
import { AccountPageController } from './pages/account.controller';
import { WebExceptionFilter } from './session/web-exception.filter';

/**
 * The Chinese-first web pages under /ui, rendered on the server from the same services the REST API
 * uses (same scoping, same action path), with a cookie session.
 */
@Module({
  imports: [
    AuthModule,
    UnitsModule,
    PlansModule,
    TasksModule,
    InboxModule,
    NotificationsModule,
    EscalationsModule,
    DashboardModule,
    CalendarModule,
  ],
  controllers: [
    LoginController,
    OidcLoginController,
    AccountPageController,
    WebAssetsController,
    OverviewController,
    LedgerController,
    TaskDetailController,
    InboxPageController,
    MessagesPageController,
    EscalationsPageController,
    CalendarPageController,
    PlanImportPageController,
  ],
  // Every page's nav counts the unread messages: one interceptor for all page modules.
  providers: [WebExceptionFilter, { provide: APP_INTERCEPTOR, useClass: UnreadCountInterceptor }],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(sameOriginReferrer).forRoutes('ui', 'ui/*path');
  }
}

/**
 * Helmet's global "Referrer-Policy: no-referrer" makes Chromium send "Origin: null" on form posts,
 * which the CSRF check must refuse; the pages send their origin to themselves only.
 */
function sameOriginReferrer(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}
