import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { PlansModule } from '../plans/plans.module';
import { ItemRegistrationService } from './item-registration.service';
import { ItemsController } from './items.controller';

/** 立项: single supervised items, run as the plan's tasks are. */
@Module({
  imports: [AuthModule, PlansModule, CalendarModule],
  controllers: [ItemsController],
  providers: [ItemRegistrationService],
  exports: [ItemRegistrationService],
})
export class ItemsModule {}
