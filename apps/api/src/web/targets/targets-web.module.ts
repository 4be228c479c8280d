import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { PlansModule } from '../../plans/plans.module';
import { TargetsModule } from '../../targets/targets.module';
import { UnitsModule } from '../../units/units.module';
import { ReadingsPageController } from './readings-page.controller';
import { TargetsPageController } from './targets-page.controller';

/** The target pages: /ui/targets (the plan's indicators) and /ui/targets/:indicatorId (readings entry). */
@Module({
  imports: [AuthModule, TargetsModule, PlansModule, UnitsModule],
  controllers: [TargetsPageController, ReadingsPageController],
})
export class TargetsWebModule {}
