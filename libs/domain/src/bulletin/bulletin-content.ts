import type { IndicatorLight } from '../kpi/indicator-status';

/** The weekly supervision bulletin (督办通报), as computed from the read model and stored as JSON. */

export interface BulletinUnitRow {
  unit: string;
  unitName: string;
  total: number;
  /** Completed or closed (销号). */
  done: number;
  /** Active, green or without a deadline. */
  onTrack: number;
  /** Yellow: a deadline within the warning window. */
  dueSoon: number;
  /** Past a deadline, not done. */
  overdue: number;
  /** With an open escalation (督办). */
  escalated: number;
}

export interface BulletinOverdueItem {
  taskId: string;
  code: string;
  title: string;
  unit: string;
  unitName: string;
  dueAt: string;
  daysOverdue: number;
  escalationLevel: number;
}

export interface BulletinEscalationItem {
  taskId: string;
  code: string;
  title: string;
  unit: string;
  unitName: string;
  level: number;
  toRole: string;
  raisedAt: string;
}

export interface BulletinTargetItem {
  indicatorId: string;
  targetCode: string;
  name: string;
  ownerUnit: string | null;
  ownerUnitName: string | null;
  comparator: string | null;
  target: number | null;
  unit: string | null;
  ytd: number | null;
  light: IndicatorLight;
  lightReason: string;
  neededRemaining: number | null;
  missingPeriods: string[];
}

export interface BulletinContent {
  planId: string;
  planTitle: string;
  /** ISO week key, e.g. "2021-W41". */
  week: string;
  /** Monday of the week (Shanghai date). */
  weekStart: string;
  /** The instant the figures are taken at. */
  asOf: string;
  /** New escalations are those raised in [since, asOf). */
  since: string;
  units: BulletinUnitRow[];
  totals: Omit<BulletinUnitRow, 'unit' | 'unitName'>;
  overdue: BulletinOverdueItem[];
  newEscalations: BulletinEscalationItem[];
  targets: BulletinTargetItem[];
}

export interface StoredBulletinRef {
  id: string;
  planId: string;
  week: string;
  /** false when the week's bulletin was already stored: nothing new was written. */
  created: boolean;
}
