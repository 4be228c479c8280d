import { Injectable } from '@nestjs/common';
import { AuditLogWriter, AuditRecord } from '@duban/persistence/audit/audit-log.writer';

export type { AuditOutcome } from '@duban/persistence/audit/audit-log.writer';
export type AuditEntry = AuditRecord;

/** Account, session, plan and refused-action events in the append-only audit_log. */
@Injectable()
export class AuditLog {
  constructor(private readonly writer: AuditLogWriter) {}

  record(entry: AuditEntry): Promise<void> {
    return this.writer.record(entry);
  }
}
