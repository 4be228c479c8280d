import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { EvidenceAccess, EvidenceUploadGuard } from '../evidence/evidence-access';
import { EvidenceService } from '../evidence/evidence.service';
import { TaskActionService } from './task-action.service';
import { TaskActionsController } from './task-actions.controller';
import { RefusalAudit } from './refusal-audit';
import { TaskReopenService } from './task-reopen.service';
import { TaskQueryService } from './task-query.service';
import { TasksController } from './tasks.controller';

@Module({
  imports: [CalendarModule],
  controllers: [TasksController, TaskActionsController],
  providers: [
    TaskQueryService,
    TaskActionService,
    TaskReopenService,
    RefusalAudit,
    EvidenceService,
    EvidenceAccess,
    EvidenceUploadGuard,
    IdempotencyInterceptor,
  ],
  exports: [TaskQueryService, TaskActionService, TaskReopenService, EvidenceService, EvidenceAccess],
})
export class TasksModule {}
