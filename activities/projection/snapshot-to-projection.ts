import { pendingReceipt } from '@duban/domain/task/receipt';
import { currentStage } from '@duban/domain/task/task-rules';
import { TaskSnapshot } from '@duban/domain/task/task-types';
import { TaskProjection } from '@duban/persistence/projection/task-projection';

/** Who must act next on the task, as inbox keys "<unit>:<role>" ("*:supervisor" for any supervisor). */
export function awaitingOf(s: TaskSnapshot): string[] {
  if (s.status !== 'active') return [];
  const receipt = pendingReceipt(s);
  // Before 签收 the work waits: the lead unit's head acknowledges, or (declined) the office reassigns.
  if (receipt) return [receipt.status === 'returned' ? '*:supervisor' : `${s.leadUnit}:unit-head`];
  const keys: string[] = [];
  const stage = currentStage(s);
  if (stage) {
    if (stage.closure && stage.status === 'open') {
      // 销号 of a ledger waits for its problems, each awaited on its own row.
      if (!(s.problems ?? []).some((p) => p.status === 'open')) {
        keys.push('*:supervisor');
        if (s.verifyingUnit) keys.push(`${s.verifyingUnit}:unit-head`);
      }
    } else if (stage.status === 'open' || stage.status === 'returned') keys.push(`${s.leadUnit}:handler`);
    else if (stage.status === 'submitted') keys.push(`${s.leadUnit}:unit-head`);
    else if (stage.status === 'awaiting-cooperation') {
      for (const unit of s.cooperatingUnits) {
        const entry = stage.cooperation[unit];
        if (!entry?.feedback) keys.push(`${unit}:handler`);
        else if (!entry.confirmed) keys.push(`${unit}:unit-head`);
      }
    }
  }
  if (s.pendingExtension) keys.push(`${s.leadUnit}:deputy-director`);
  return keys;
}

/** The read-model view of a workflow snapshot. */
export function snapshotToProjection(s: TaskSnapshot): TaskProjection {
  const stage = currentStage(s);
  const receipt = pendingReceipt(s);
  const open = s.escalations.filter((e) => !e.resolvedAt);
  return {
    ...(s.parent ? { problemOf: { parentTaskId: s.parent.workflowId, code: s.taskCode, title: s.title } } : {}),
    taskId: s.taskId,
    version: s.version,
    status: s.status,
    trafficLight: s.trafficLight,
    leadUnit: s.leadUnit,
    cooperatingUnits: s.cooperatingUnits,
    verifyingUnit: s.verifyingUnit ?? null,
    progress: s.progress ? { expected: s.progress.expected, actual: s.progress.actual } : null,
    // While 签收 is awaited the ledger shows it as the step the task is at (待签收 / 已退回待改派).
    currentStage: receipt
      ? {
          key: receipt.key,
          name: receipt.name,
          status: receipt.status === 'returned' ? 'declined' : 'awaiting-receipt',
        }
      : stage
        ? { key: stage.key, name: stage.name, status: stage.status }
        : null,
    nextDueAt: s.nextDueAt,
    escalationLevel: open.reduce((max, e) => Math.max(max, e.level), 0),
    awaiting: awaitingOf(s),
    stages: s.stages.map((st, i) => ({
      key: st.key,
      seq: i + 1,
      name: st.name,
      status: st.status,
      ownerUnit: st.ownerUnit,
      dueAt: st.dueAt,
      completedAt: st.completedAt,
    })),
    openEscalations: open.map((e) => ({
      stageKey: e.stageKey,
      level: e.level,
      toRole: e.to,
      unitCode: e.unitCode,
      raisedAt: e.raisedAt,
    })),
    events: s.events.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.action,
      actorUserId: e.actor?.userId ?? null,
      actorRole: e.actor?.role ?? null,
      actorUnit: e.actor?.unitCode ?? null,
      requestId: e.requestId ?? null,
      detail: e.detail ?? null,
      after: e.stageKey ? { stageKey: e.stageKey } : undefined,
    })),
    // Events live in task_event; the stored snapshot keeps the state only.
    snapshot: { ...s, events: [] },
  };
}
