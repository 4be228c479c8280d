import { Module } from '@nestjs/common';
import { PersistenceModule } from '@duban/persistence/persistence.module';
import { AuthModule } from './auth/auth.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { CalendarModule } from './calendar/calendar.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { EscalationsModule } from './escalations/escalations.module';
import { HealthController } from './health/health.controller';
import { HomeController } from './home/home.controller';
import { InboxModule } from './inbox/inbox.module';
import { ItemsModule } from './items/items.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlansModule } from './plans/plans.module';
import { SeedModule } from './seed/seed.module';
import { TargetsModule } from './targets/targets.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';
import { AdminWebModule } from './web/admin/admin-web.module';
import { ItemsWebModule } from './web/items/items-web.module';
import { BulletinWebModule } from './web/bulletins/bulletin-web.module';
import { TargetsWebModule } from './web/targets/targets-web.module';
import { WebModule } from './web/web.module';

/** The API process: REST over the read model, actions as Temporal Updates, OpenAPI at /api/docs. */
@Module({
  imports: [
    PersistenceModule.forRoot({ migrationsRun: true }),
    TemporalClientModule,
    AuthModule,
    SeedModule,
    UsersModule,
    UnitsModule,
    PlansModule,
    ItemsModule,
    TasksModule,
    CalendarModule,
    InboxModule,
    NotificationsModule,
    EscalationsModule,
    DashboardModule,
    TargetsModule,
    BulletinsModule,
    BulletinWebModule,
    TargetsWebModule,
    AdminWebModule,
    ItemsWebModule,
    WebModule,
  ],
  controllers: [HealthController, HomeController],
})
export class AppModule {}
