import { Injectable, Logger } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { DomainError } from '@duban/domain/errors/domain-error';
import { AuditLogWriter } from '@duban/persistence/audit/audit-log.writer';

/** What was refused, to whom, on which task, with the request as it came. */
export interface RefusedRequest {
  actor: ActorRef;
  taskId: string;
  action: string;
  error: DomainError;
  requestId: string | null;
  payload: object | null;
}

/**
 * Writes a refused action on a task to the audit log (denied: not the actor's to see or do;
 * rejected: the input or the state). The audit log, not the task's timeline: another unit's
 * refused attempts must not bury it.
 */
@Injectable()
export class RefusalAudit {
  private readonly logger = new Logger(RefusalAudit.name);

  constructor(private readonly auditLog: AuditLogWriter) {}

  async record(r: RefusedRequest): Promise<void> {
    try {
      await this.auditLog.record({
        action: r.action,
        outcome: r.error.status === 403 || r.error.status === 404 ? 'denied' : 'rejected',
        actor: { id: r.actor.userId, role: r.actor.role, unitCode: r.actor.unitCode },
        subject: r.taskId,
        requestId: r.requestId,
        after: r.payload,
        detail: `${r.error.code}: ${r.error.messageZh}`,
      });
    } catch (auditError) {
      // The refusal itself must still reach the caller; a lost audit row is logged loudly.
      this.logger.error(`audit write failed for ${r.taskId} ${r.action}: ${(auditError as Error).message}`);
    }
  }
}
