import { ActorRef } from '@duban/domain/access/actor';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { LIST_TASK_CODE, listedProblemInput, listTaskInput } from '@duban/domain/items/inspection-list';
import { ActionRecord, taskWorkflowId } from '@duban/domain/task/task-types';
import { PlanItemRow } from '@duban/persistence/repositories/plan-writer';
import { TaskLaunch } from './task-launch';

/**
 * An inspection's problem list (整改清单): the list's own rectification task first, then every
 * row as a problem of its ledger (each its own task, 一件一号). The parent closes only after all.
 */
export function inspectionListLaunches(title: string, rows: TaskLaunch[], importer: ActorRef | undefined, at: Date) {
  const listTaskId = taskWorkflowId(rows[0].input.planId, LIST_TASK_CODE);
  const added: ActionRecord = {
    by: importer?.userId ?? 'system:plan-import',
    role: importer?.role ?? 'supervisor',
    unit: importer?.unitCode ?? null,
    at: at.toISOString(),
  };
  const list: TaskLaunch = {
    taskId: listTaskId,
    kind: 'rectification',
    input: listTaskInput(
      title,
      rows.map((r) => r.input),
      added,
    ),
  };
  return {
    list,
    problems: rows.map((r) => ({ ...r, input: listedProblemInput(listTaskId, r.input) })),
  };
}

/** The plan's rows with the list task's first (in the first row's section), the problems naming it as parent. */
export function withListTaskRow(list: TaskLaunch, rows: PlanItemRow[]): PlanItemRow[] {
  return [
    listTaskRow(list, rows[0].sectionCode, rows[0].sourceKind),
    ...rows.map((r) => (r.isLeaf && !r.parentCode ? { ...r, parentCode: LIST_TASK_CODE } : r)),
  ];
}

function listTaskRow(list: TaskLaunch, sectionCode: string, sourceKind: string): PlanItemRow {
  const last = (list.input.problems ?? [])
    .map((p) => p.dueAt)
    .filter(Boolean)
    .sort()
    .at(-1);
  return {
    id: list.taskId,
    code: LIST_TASK_CODE,
    parentCode: null,
    sectionCode,
    ordinal: -1,
    isLeaf: true,
    title: list.input.title,
    body: `整改清单共 ${list.input.problems?.length ?? 0} 个问题，全部销号后本任务销号。`,
    kind: 'rectification',
    sourceKind,
    leadUnit: list.input.leadUnit,
    cooperatingUnits: list.input.cooperatingUnits,
    relatedSectionsPending: false,
    // Due when its last problem is; a list of standing problems only has none.
    deadlineKind: last ? 'date' : 'ongoing',
    dueDate: last ? shanghaiDate(last) : null,
    deadlineDefaulted: false,
  };
}
