import { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLogReader } from '../audit/audit-log.reader';
import { AuditLogWriter } from '../audit/audit-log.writer';
import { BulletinRepository } from './bulletin-repository';
import { EscalationRepository } from './escalation-repository';
import { EvidenceRepository } from './evidence-repository';
import { IdempotencyRepository } from './idempotency-repository';
import { IndicatorRepository } from './indicator-repository';
import { LedgerFigures } from './ledger-figures';
import { LoginAttemptRepository } from './login-attempt-repository';
import { NotificationRepository } from './notification-repository';
import { PlanRepository } from './plan-repository';
import { RevokedTokenRepository } from './revoked-token-repository';
import { TaskRepository } from './task-repository';
import { Transactions } from './transactions';
import { UnitRepository } from './unit-repository';
import { UserRepository } from './user-repository';

/** The repositories: plain classes over the DataSource, provided to Nest services by class. */
export const REPOSITORIES = [
  TaskRepository,
  EvidenceRepository,
  UserRepository,
  UnitRepository,
  NotificationRepository,
  EscalationRepository,
  LedgerFigures,
  BulletinRepository,
  PlanRepository,
  IndicatorRepository,
  RevokedTokenRepository,
  LoginAttemptRepository,
  IdempotencyRepository,
  AuditLogWriter,
  AuditLogReader,
  Transactions,
] as const;

export const REPOSITORY_PROVIDERS: Provider[] = REPOSITORIES.map((Repository) => ({
  provide: Repository,
  useFactory: (db: DataSource) => new Repository(db),
  inject: [getDataSourceToken()],
}));
