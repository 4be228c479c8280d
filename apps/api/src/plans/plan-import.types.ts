import { ActorRef } from '@duban/domain/access/actor';
import { PlanDiff } from '@duban/domain/plan/plan-diff';
import { ParseWarning } from '@duban/domain/plan/plan-tree';
import { UnknownUnitName } from '@duban/domain/plan/unit-resolution';
import { UnitMapping } from '@duban/domain/plan/unit-mappings';

export interface ImportOptions {
  /** Stable plan id; derived from the document when absent. */
  planId?: string;
  /** Parse, resolve and diff, but write nothing and start nothing. */
  dryRun?: boolean;
  /** Create org units for names the table does not know (otherwise the import stops). */
  createUnknownUnits?: boolean;
  /** A revised version of an imported plan is applied only when confirmed. */
  confirm?: boolean;
  /** The preview's decisions for unit names the table does not know (aliases remembered, units created). */
  unitMappings?: UnitMapping[];
  actor?: ActorRef;
  /** 签收: workdays each new task's lead unit has to acknowledge it; 0 for none (default 2). */
  receiptWorkdays?: number;
  /** 序时进度 of each new task, as `parseProgressPolicy` reads it (default: linear, 10/30 points). */
  progress?: string;
}

export type ImportStatus = 'new' | 'unchanged' | 'changed';

export interface ImportResult {
  planId: string;
  title: string;
  year: number;
  status: ImportStatus;
  /** True when the database was written (new plan, or a confirmed revision). */
  applied: boolean;
  /** A revision was found but not confirmed: nothing written. */
  requiresConfirmation: boolean;
  dryRun: boolean;
  counts: { sections: number; items: number; leaves: number; targets: number; indicators: number };
  leadUnits: Record<string, number>;
  warnings: ParseWarning[];
  unknownUnits: UnknownUnitName[];
  createdUnits: string[];
  /** Names remembered as aliases of existing units by this import. */
  aliasesAdded?: { code: string; alias: string }[];
  diff: PlanDiff | null;
  workflows: { started: number; existing: number; failed: number };
}
