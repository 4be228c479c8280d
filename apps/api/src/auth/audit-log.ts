import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLogWriter, AuditRecord } from '@duban/persistence/audit/audit-log.writer';

export type { AuditOutcome } from '@duban/persistence/audit/audit-log.writer';
export type AuditEntry = AuditRecord;

/** Account, session, plan and refused-action events in the append-only audit_log. */
@Injectable()
export class AuditLog {
  private readonly writer: AuditLogWriter;

  constructor(@InjectDataSource() db: DataSource) {
    this.writer = new AuditLogWriter(db);
  }

  record(entry: AuditEntry): Promise<void> {
    return this.writer.record(entry);
  }
}
