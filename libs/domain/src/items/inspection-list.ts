import { closureStageSpec } from '../task/closure-stage';
import { ActionRecord, ListedProblem, TaskWorkflowInput, taskWorkflowId } from '../task/task-types';

/**
 * An inspection's problem list (整改清单) imported as data: one parent rectification task for the
 * list as a whole, and every row a problem of its ledger (一件一号) running as a task of its own,
 * with its own unit, stages, 签收, light and reminders. The parent has no work of its own: only
 * its 销号, which waits until every problem is closed.
 */

/** The parent's code in its plan: letters, so it never meets a row's number (1, 2.4, …). */
export const LIST_TASK_CODE = 'ZG';

/** The row's own task, told which list it belongs to; it asks its own unit's 签收. */
export function listedProblemInput(listTaskId: string, row: TaskWorkflowInput): TaskWorkflowInput {
  return { ...row, parent: { workflowId: listTaskId, problemId: row.taskCode, ownReceipt: true } };
}

/** What the parent lists of a row: its number, title, workflow and deadline (the last stage's). */
export function listedProblem(row: TaskWorkflowInput, added: ActionRecord): ListedProblem {
  const due = row.stages.filter((st) => st.dueAt).at(-1)?.dueAt ?? '';
  return {
    problemId: row.taskCode,
    title: row.title,
    workflowId: taskWorkflowId(row.planId, row.taskCode),
    dueAt: due,
    added,
  };
}

/**
 * The list's own task. Its lead is the unit with the most problems (the first such in the list),
 * the other units cooperate, so each unit sees the list its problems belong to; no 签收 of its
 * own (each row asks its unit's), and only 销号 as a stage.
 */
export function listTaskInput(title: string, rows: TaskWorkflowInput[], added: ActionRecord): TaskWorkflowInput {
  if (rows.length === 0) throw new Error('An inspection list needs at least one problem');
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.leadUnit, (counts.get(r.leadUnit) ?? 0) + 1);
  const lead = [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  return {
    planId: rows[0].planId,
    taskCode: LIST_TASK_CODE,
    title,
    kind: 'rectification',
    leadUnit: lead,
    cooperatingUnits: [...counts.keys()].filter((u) => u !== lead),
    stages: [closureStageSpec()],
    policy: { ...rows[0].policy, receiptWorkdays: 0 },
    problems: rows.map((r) => listedProblem(r, added)),
  };
}
