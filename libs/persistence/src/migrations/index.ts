import { InitialSchema1764374400000 } from './1764374400000-initial-schema';
import { TaskSearch1764460800000 } from './1764460800000-task-search';
import { KpiAndBulletin1764633600700 } from './1764633600700-kpi-and-bulletin';
import { LedgerOrderIndex1764806400000 } from './1764806400000-ledger-order-index';
import { Hardening1796083200000 } from './1796083200000-hardening';
import { CalendarYears1796083300000 } from './1796083300000-calendar-years';
import { ProblemTaskRows1796083400000 } from './1796083400000-problem-task-rows';
import { PasswordChangeRequired1796083500000 } from './1796083500000-password-change-required';
import { UserMobile1796083600000 } from './1796083600000-user-mobile';
import { ItemSources1796083700000 } from './1796083700000-item-sources';
import { VerifyingUnit1796083800000 } from './1796083800000-verifying-unit';
import { TaskProgress1796083900000 } from './1796083900000-task-progress';

// Every migration in order; the data source runs them, never `synchronize`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  InitialSchema1764374400000,
  TaskSearch1764460800000,
  KpiAndBulletin1764633600700,
  LedgerOrderIndex1764806400000,
  Hardening1796083200000,
  CalendarYears1796083300000,
  ProblemTaskRows1796083400000,
  PasswordChangeRequired1796083500000,
  UserMobile1796083600000,
  ItemSources1796083700000,
  VerifyingUnit1796083800000,
  TaskProgress1796083900000,
];
