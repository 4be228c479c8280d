import { shanghaiDateTime } from '../calendar/shanghai-time';
import { EscalationTarget, NotificationRequest, StageState, TaskSnapshot } from './task-types';

/** A notification as the task state machine asks for it; the workflow adds the task's id and links. */
export type TaskNotice = Omit<NotificationRequest, 'taskId' | 'taskRef'>;

/**
 * The copy of every notification a task sends, and whom it reaches. Dedup keys carry the task's
 * version (or the stage's due revision), so a retried delivery never sends twice while a second
 * round of the same step (submitted again after a return) is a new message.
 */
type Task = Pick<TaskSnapshot, 'taskId' | 'taskCode' | 'title' | 'leadUnit' | 'cooperatingUnits' | 'version'>;

const lead = (s: Task, role: string) => [{ unitCode: s.leadUnit, role }];
const leadHandlerAndHead = (s: Task) => [...lead(s, 'handler'), ...lead(s, 'unit-head')];
const supervisors = [{ unitCode: '*', role: 'supervisor' }];

const action = (dedupKey: string, recipients: TaskNotice['recipients'], title: string, body: string): TaskNotice => ({
  dedupKey,
  kind: 'action',
  recipients,
  title,
  body,
});

export const taskNotices = {
  closureReady: (s: Task, stage: StageState) =>
    action(
      `${s.taskId}/${stage.key}/action/closure-ready`,
      supervisors,
      `【待销号】${s.title}`,
      `任务 ${s.taskCode}「${s.title}」各阶段已完成，请审核销号。`,
    ),

  cooperationRequested: (s: Task, stage: StageState) =>
    action(
      `${s.taskId}/${stage.key}/action/cooperate/${s.version}`,
      s.cooperatingUnits.map((u) => ({ unitCode: u, role: 'handler' })),
      `【配合反馈】${s.title}`,
      `牵头单位已提交“${stage.name}”，请提交配合反馈。`,
    ),

  approvalRequested: (s: Task, stage: StageState, note: string) =>
    action(
      `${s.taskId}/${stage.key}/action/approve/${s.version}`,
      lead(s, 'unit-head'),
      `【待审批】${s.title}`,
      `“${stage.name}”已提交，请审批。说明：${note}`,
    ),

  cooperationToConfirm: (s: Task, stage: StageState, unit: string) =>
    action(
      `${s.taskId}/${stage.key}/action/confirm/${unit}/${s.version}`,
      [{ unitCode: unit, role: 'unit-head' }],
      `【确认配合反馈】${s.title}`,
      `本单位已提交“${stage.name}”的配合反馈，请确认。`,
    ),

  cooperationComplete: (s: Task, stage: StageState) =>
    action(
      `${s.taskId}/${stage.key}/action/approve/${s.version}`,
      lead(s, 'unit-head'),
      `【待审批】${s.title}`,
      `“${stage.name}”配合单位均已反馈，请审批。`,
    ),

  approved: (s: Task, stage: StageState) =>
    action(
      `${s.taskId}/${stage.key}/action/approved/${s.version}`,
      lead(s, 'handler'),
      `【已通过】${s.title}`,
      `“${stage.name}”已审批通过。`,
    ),

  returned: (s: Task, stage: StageState, reason: string) =>
    action(
      `${s.taskId}/${stage.key}/action/returned/${s.version}`,
      lead(s, 'handler'),
      `【退回】${s.title}`,
      `“${stage.name}”被退回，理由：${reason}`,
    ),

  extensionRequested: (s: Task, stage: StageState, newDueDate: string, reason: string) =>
    action(
      `${s.taskId}/${stage.key}/action/extension/${s.version}`,
      lead(s, 'deputy-director'),
      `【延期申请】${s.title}`,
      `申请将“${stage.name}”延期至 ${newDueDate}，理由：${reason}`,
    ),

  extensionDecided: (
    s: Task,
    stage: StageState,
    approved: boolean,
    newDueDate: string,
    note?: string,
    alsoMoved: string[] = [],
  ) =>
    action(
      `${s.taskId}/${stage.key}/action/extension-decided/${s.version}`,
      leadHandlerAndHead(s),
      `【延期${approved ? '已批准' : '未批准'}】${s.title}`,
      approved
        ? `“${stage.name}”期限已延至 ${newDueDate}。${alsoMoved.length ? `后续阶段${alsoMoved.map((n) => `“${n}”`).join('、')}的期限一并延至该日。` : ''}`
        : `延期申请未获批准。${note ?? ''}`,
    ),

  verificationRefused: (s: Task, stage: StageState, reason: string) =>
    action(
      `${s.taskId}/closure/action/verification-refused/${s.version}`,
      leadHandlerAndHead(s),
      `【核实未通过】${s.title}`,
      `督查室核实后未予销号，“${stage.name}”退回重新办理。理由：${reason}`,
    ),

  acknowledged: (s: Task) =>
    action(
      `${s.taskId}/receipt/action/acknowledged/${s.version}`,
      lead(s, 'handler'),
      `【已签收】${s.title}`,
      `任务 ${s.taskCode}「${s.title}」已由本单位负责人签收，请按期办理。`,
    ),

  declined: (s: Task, reason: string) =>
    action(
      `${s.taskId}/receipt/action/declined/${s.version}`,
      supervisors,
      `【退回待改派】${s.title}`,
      `牵头单位退回任务 ${s.taskCode}「${s.title}」，理由：${reason}。请核实后改派。`,
    ),

  reassigned: (s: Task, reason: string) =>
    action(
      `${s.taskId}/reassign/${s.version}`,
      leadHandlerAndHead(s),
      `【改派】${s.title}`,
      `本任务已改派由贵单位牵头办理。理由：${reason}`,
    ),

  closed: (s: Task) =>
    action(
      `${s.taskId}/closure/action/closed`,
      leadHandlerAndHead(s),
      `【已销号】${s.title}`,
      `任务 ${s.taskCode} 已销号。`,
    ),

  reminder: (s: Task, stage: StageState, offsetWorkdays: number): TaskNotice => ({
    dedupKey: `${s.taskId}/${stage.key}/reminder/${offsetWorkdays}/r${stage.dueRevision}`,
    kind: 'reminder',
    level: offsetWorkdays,
    recipients: leadHandlerAndHead(s),
    title: `【催办】${s.title}`,
    body: `任务 ${s.taskCode}「${s.title}」的“${stage.name}”${reminderWhen(offsetWorkdays)}（期限 ${dueText(stage)}）。`,
  }),

  escalation: (s: Task, stage: StageState, level: number, to: EscalationTarget): TaskNotice => ({
    dedupKey: `${s.taskId}/${stage.key}/escalation/${level}/r${stage.dueRevision}`,
    kind: 'escalation',
    level,
    recipients: to === 'supervisor' ? supervisors : lead(s, to),
    title: `【督办·${['一', '二', '三', '四', '五'][level - 1] ?? level}级】${s.title}`,
    body: `任务 ${s.taskCode}「${s.title}」的“${stage.name}”已逾期（期限 ${dueText(stage)}），请督促办理。`,
  }),
};

/** A stage's deadline in Beijing time, as people read it. */
const dueText = (stage: StageState) => (stage.dueAt ? shanghaiDateTime(stage.dueAt) : '无');

/** How a reminder names the time left: 今天到期 on the due day, else the workdays to go. */
export function reminderWhen(offsetWorkdays: number): string {
  return offsetWorkdays === 0 ? '今天到期' : `还有 ${offsetWorkdays} 个工作日到期`;
}
