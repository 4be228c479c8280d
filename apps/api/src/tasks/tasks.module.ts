import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { EvidenceService } from '../evidence/evidence.service';
import { TaskActionService } from './task-action.service';
import { TaskActionsController } from './task-actions.controller';
import { TaskQueryService } from './task-query.service';
import { TasksController } from './tasks.controller';

@Module({
  controllers: [TasksController, TaskActionsController],
  providers: [TaskQueryService, TaskActionService, EvidenceService, IdempotencyInterceptor],
  exports: [TaskQueryService, TaskActionService, EvidenceService],
})
export class TasksModule {}
