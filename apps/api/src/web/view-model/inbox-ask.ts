import { shanghaiDate, shanghaiDateTime } from '@duban/domain/calendar/shanghai-time';
import { pendingReceipt } from '@duban/domain/task/receipt';
import { currentStage } from '@duban/domain/task/task-rules';
import { TaskSnapshot } from '@duban/domain/task/task-types';

/** What an inbox row asks of its reader, in words: the step, who asked, their note and files. */
export interface InboxAsk {
  what: string;
  /** User id of who asked (shown by name), if someone did. */
  by: string | null;
  note: string | null;
  evidenceIds: string[];
}

/** The request a task puts before whoever it awaits now; null when nothing in it is a request. */
export function inboxAsk(s: TaskSnapshot | null): InboxAsk | null {
  if (!s) return null;
  const receipt = pendingReceipt(s);
  if (receipt?.status === 'open') {
    const due = receipt.dueAt ? `，签收期限 ${shanghaiDateTime(receipt.dueAt)}` : '';
    return { what: `请签收：本单位牵头的新交办事项${due}`, by: null, note: null, evidenceIds: [] };
  }
  if (receipt?.declined) {
    const d = receipt.declined;
    return { what: '牵头单位退回，请核实后改派', by: d.by, note: d.reason, evidenceIds: [] };
  }
  if (s.pendingExtension) {
    const x = s.pendingExtension;
    const stage = s.stages.find((st) => st.key === x.stageKey);
    const from = stage?.dueAt ? shanghaiDate(stage.dueAt) : '—';
    return {
      what: `延期申请：“${stage?.name ?? x.stageKey}”期限由 ${from} 延至 ${x.newDueDate}`,
      by: x.requested.by,
      note: x.reason,
      evidenceIds: [],
    };
  }
  const stage = currentStage(s);
  if (!stage) return null;
  const sub = stage.submission;
  if (stage.status === 'submitted' && sub) {
    const quantity = sub.quantity === undefined ? '' : `（填报完成数量 ${sub.quantity}）`;
    return {
      what: `提交审批：“${stage.name}”${quantity}`,
      by: sub.by,
      note: sub.note ?? null,
      evidenceIds: sub.evidenceIds,
    };
  }
  if (stage.status === 'awaiting-cooperation' && sub) {
    return {
      what: `请提交配合反馈：“${stage.name}”`,
      by: sub.by,
      note: sub.note ?? null,
      evidenceIds: sub.evidenceIds,
    };
  }
  if (stage.closure && stage.status === 'open') {
    return { what: '待销号：各阶段已审批通过，请核实后销号', by: null, note: null, evidenceIds: [] };
  }
  return null;
}
