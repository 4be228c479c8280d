import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { TASK_WORKFLOW_TYPE } from '../../../../libs/domain/src/task/task-types';
import { TemporalConfig } from '../../../../libs/temporal/src/temporal-config';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG } from '../temporal/temporal-client.provider';
import { PlanImportService } from './plan-import.service';
import { PlanQueryService } from './plan-query.service';
import { PlansController } from './plans.controller';
import { TASK_LAUNCH_FACTORY, TASK_WORKFLOW_STARTER } from './task-launch';
import { taskLaunchFactory } from './task-launch.factory';
import { TemporalTaskWorkflowStarter } from './temporal-task-workflow-starter';

@Module({
  controllers: [PlansController],
  providers: [
    PlanImportService,
    PlanQueryService,
    { provide: TASK_LAUNCH_FACTORY, useFactory: () => taskLaunchFactory() },
    {
      provide: TASK_WORKFLOW_STARTER,
      inject: [TEMPORAL_CLIENT, TEMPORAL_CONFIG],
      useFactory: (client: Client, config: TemporalConfig) =>
        new TemporalTaskWorkflowStarter(client, config.taskQueue, TASK_WORKFLOW_TYPE),
    },
  ],
  exports: [PlanImportService],
})
export class PlansModule {}
