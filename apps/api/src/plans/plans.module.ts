import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { IndicatorRepository } from '@duban/persistence/repositories/indicator-repository';
import { TemporalConfig } from '@duban/temporal/temporal-config';
import { CalendarModule } from '../calendar/calendar.module';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG } from '../temporal/temporal-client.provider';
import { PlanImportService } from './plan-import.service';
import { PlanPreviewService } from './plan-preview.service';
import { PlanQueryService } from './plan-query.service';
import { PlansController } from './plans.controller';
import { TASK_LAUNCH_FACTORY, TASK_WORKFLOW_STARTER } from './task-launch';
import { taskLaunchFactory } from './task-launch.factory';
import { TemporalTaskWorkflowStarter } from './temporal-task-workflow-starter';
import { INDICATOR_WORKFLOW_STARTER, IndicatorWorkflowStarter } from './indicator-workflow-starter';

@Module({
  imports: [CalendarModule],
  controllers: [PlansController],
  providers: [
    PlanImportService,
    PlanPreviewService,
    PlanQueryService,
    { provide: TASK_LAUNCH_FACTORY, useFactory: () => taskLaunchFactory() },
    {
      provide: TASK_WORKFLOW_STARTER,
      inject: [TEMPORAL_CLIENT, TEMPORAL_CONFIG],
      useFactory: (client: Client, config: TemporalConfig) => new TemporalTaskWorkflowStarter(client, config.taskQueue),
    },
    {
      provide: INDICATOR_WORKFLOW_STARTER,
      inject: [TEMPORAL_CLIENT, IndicatorRepository, TEMPORAL_CONFIG],
      useFactory: (client: Client, indicators: IndicatorRepository, config: TemporalConfig) =>
        new IndicatorWorkflowStarter(client, indicators, config.taskQueue),
    },
  ],
  exports: [PlanImportService, PlanPreviewService, PlanQueryService],
})
export class PlansModule {}
