import { ActorRef } from '../access/actor';
import { ProgressPolicy, ProgressStanding } from '../progress/expected-progress';

/** The contract between the API, the task workflow and its activities. */

/** `assigned`: a registered item (交办件), 办理 then 销号. */
export type TaskKind = 'annual' | 'rectification' | 'quantitative' | 'recurring' | 'ongoing' | 'assigned';

export type EscalationTarget = 'unit-head' | 'deputy-director' | 'supervisor';

/** Reminder and escalation policy: data, a plan default overridable per task. */
export interface TaskPolicy {
  /** Workdays before the due day (0 = on the due day) when a reminder (催办) goes out. */
  reminderOffsets: number[];
  /** The escalation ladder (督办): workdays after the due day and whom it reaches. */
  ladder: { afterWorkdays: number; level: number; to: EscalationTarget }[];
  /** A stage is yellow from this many workdays before its due day. */
  yellowWindowWorkdays: number;
  /** Wall-clock time (Shanghai) when reminders and escalations are sent. */
  sendAt: { hour: number; minute: number };
  /**
   * 签收: the lead unit's head acknowledges receipt within this many workdays of the assignment
   * (import, registration, reassignment), reminded and escalated like a stage. Absent or 0: the
   * task needs no acknowledgement (tasks started before 签收 existed).
   */
  receiptWorkdays?: number;
  /**
   * 序时进度: the curve and the gaps at which the task's light turns yellow or red when it falls
   * behind where it should be by now. Absent: the light follows the deadline alone (tasks started
   * before it existed).
   */
  progress?: ProgressPolicy;
}

/** Workdays a unit has to acknowledge a newly assigned item unless the plan or item says otherwise. */
export const DEFAULT_RECEIPT_WORKDAYS = 2;
export const MAX_RECEIPT_WORKDAYS = 10;
/** The receipt's stage-like key: its reminders, escalations and events carry it. */
export const RECEIPT_KEY = 'receipt';

/** The escalation ladder (督办) of overdue tasks and of missed indicator readings alike. */
export const ESCALATION_LADDER: TaskPolicy['ladder'] = [
  { afterWorkdays: 1, level: 1, to: 'unit-head' },
  { afterWorkdays: 3, level: 2, to: 'deputy-director' },
  { afterWorkdays: 5, level: 3, to: 'supervisor' },
];

export const DEFAULT_POLICY: TaskPolicy = {
  reminderOffsets: [5, 3, 1, 0],
  ladder: ESCALATION_LADDER,
  yellowWindowWorkdays: 3,
  sendAt: { hour: 9, minute: 0 },
};

export interface StageSpec {
  key: string;
  /** 中文 name shown to users, e.g. 工作方案. */
  name: string;
  /** Unit that answers for the stage (the lead unit; '*' for a supervisor's closure). */
  ownerUnit: string;
  /** Deadline instant (ISO); null for a stage without deadline (e.g. 销号). */
  dueAt: string | null;
  /**
   * The due date as planned (YYYY-MM-DD, Shanghai), before it was moved off a day off: what a
   * calendar change resolves again. Absent in tasks started before it was kept (the date of dueAt
   * is used then).
   */
  dueDate?: string;
  requiresEvidence: boolean;
  /** Cooperating units give 配合反馈 (confirmed by their head) before the lead submits for approval. */
  requiresCooperation: boolean;
  /** Closure (销号): decided by a supervisor, not submitted by a handler. */
  closure: boolean;
  /** Quantitative completion: the count that must be reported to complete. */
  targetQuantity?: number;
  /**
   * Quantitative progress: the count expected by this stage's due date (pro rata of the target).
   * The handler must report a number; falling short is shown, not refused.
   */
  milestoneQuantity?: number;
}

export interface TaskWorkflowInput {
  planId: string;
  taskCode: string;
  title: string;
  kind: TaskKind;
  leadUnit: string;
  cooperatingUnits: string[];
  stages: StageSpec[];
  policy: TaskPolicy;
  /**
   * Set on a rectification problem's own workflow (整改台账 item): the parent task's workflow id,
   * which it signals (PROBLEM_CLOSED_SIGNAL) when the problem is closed or cancelled.
   */
  parent?: ProblemParent;
  /**
   * The problems an imported list (整改清单) hands its parent task from the start: each runs as a
   * task of its own and is listed here so the parent knows, before any of them reports, what it
   * must wait for.
   */
  problems?: ListedProblem[];
  /** Where the span of its expected progress starts (YYYY-MM-DD): the plan's issue or the year's start. */
  progressFrom?: string;
  /**
   * 核实: a unit named on the item (e.g. 执法分局 for an on-site check) whose head verifies the
   * completion — 销号 or 核实未通过 — beside the supervision office. Absent: the office alone.
   */
  verifyingUnit?: string;
  /** Operational limits; defaults suit production (tests lower them to exercise continue-as-new). */
  limits?: { historyEvents?: number };
}

export type StageStatus =
  'pending' | 'open' | 'awaiting-cooperation' | 'submitted' | 'returned' | 'approved' | 'closed';

export type TaskStatus = 'active' | 'suspended' | 'closed' | 'cancelled';

/** pending: waiting; fired: sent or raised; skipped: its time had passed when the stage opened. */
export type TimerState = 'pending' | 'fired' | 'skipped';

export type TrafficLight = 'green' | 'yellow' | 'red' | 'none';

export interface ActionRecord {
  by: string;
  role: string;
  unit: string | null;
  at: string;
  note?: string;
}

export interface StageState extends StageSpec {
  status: StageStatus;
  /** Start of the yellow window (from the timer plan), ISO. */
  yellowFrom: string | null;
  /** Bumped when the due date moves (extension), so reminder dedup keys differ per schedule. */
  dueRevision: number;
  submission: (ActionRecord & { evidenceIds: string[]; quantity?: number }) | null;
  cooperation: Record<string, { feedback?: ActionRecord; confirmed?: ActionRecord }>;
  returns: (ActionRecord & { reason: string })[];
  approval: ActionRecord | null;
  /** The stage's timer plan (from the calendar activity) and what became of each timer. */
  reminders: { offsetWorkdays: number; at: string; state: TimerState }[];
  ladder: { level: number; to: EscalationTarget; at: string; state: TimerState }[];
  /** dueRevision the timer plan was made for; -1 = not planned yet. */
  plannedRevision: number;
  escalationLevel: number;
  completedAt: string | null;
}

/**
 * 签收 of the current assignment: a stage-like step before the work (its own deadline, reminders
 * and ladder). status `open`: 待签收; `approved`: 已签收 (approval = who and when); `returned`: the
 * unit declined (退回) and the supervision office must reassign.
 */
export interface ReceiptState extends StageState {
  /** When the item reached the unit: the time to acknowledge is counted from here. */
  assignedAt: string;
  /** The deadline was asked of the calendar (dueAt stays null if the calendar refused). */
  scheduled: boolean;
  declined: (ActionRecord & { reason: string }) | null;
}

export interface EscalationRecord {
  stageKey: string;
  level: number;
  to: EscalationTarget;
  unitCode: string;
  raisedAt: string;
  resolvedAt: string | null;
}

export interface TaskEvent {
  seq: number;
  at: string;
  action: string;
  actor?: ActorRef;
  stageKey?: string;
  requestId?: string;
  detail?: string;
}

export interface TaskSnapshot {
  taskId: string;
  planId: string;
  taskCode: string;
  title: string;
  kind: TaskKind;
  version: number;
  status: TaskStatus;
  leadUnit: string;
  cooperatingUnits: string[];
  /** The unit that verifies the completion beside the office (核实单位), when the item names one. */
  verifyingUnit?: string;
  /** Start of the span of its expected progress (YYYY-MM-DD), with a progress policy. */
  progressFrom?: string;
  /** 序时进度 as of the last change or weekly check, with a progress policy and a measurable path. */
  progress?: ProgressStanding | null;
  currentStageKey: string | null;
  stages: StageState[];
  escalations: EscalationRecord[];
  pendingExtension: { stageKey: string; newDueDate: string; reason: string; requested: ActionRecord } | null;
  trafficLight: TrafficLight;
  nextDueAt: string | null;
  events: TaskEvent[];
  policy: TaskPolicy;
  /** Rectification ledger (整改台账): one child workflow per problem; empty for other kinds. */
  problems: ProblemEntry[];
  /** On a problem's own workflow: the task whose ledger it belongs to. */
  parent?: ProblemParent;
  /** The calendar revision the task's dates were last planned on (set by a calendar change). */
  calendarRevision?: number;
  /** 签收 of the current assignment; absent on tasks whose policy asks none. */
  receipt?: ReceiptState;
}

export type ProblemStatus = 'open' | 'closed' | 'cancelled';

/** A problem's link to the task whose ledger holds it. */
export interface ProblemParent {
  workflowId: string;
  problemId: string;
  /**
   * A row of an imported list (整改清单) has its own responsible unit, so it asks that unit's 签收;
   * a problem added to a task's ledger is the task's own unit's work, covered by the task's 签收.
   */
  ownReceipt?: boolean;
}

/** A problem an imported list gives its parent at the start (see TaskWorkflowInput.problems). */
export type ListedProblem = Pick<ProblemEntry, 'problemId' | 'title' | 'workflowId' | 'dueAt' | 'added'>;

/** A problem of a rectification task, tracked by its own child workflow. */
export interface ProblemEntry {
  problemId: string;
  title: string;
  /** taskWorkflowId of the child: `<planId>/<taskCode>/problem/<problemId>`. */
  workflowId: string;
  dueAt: string;
  status: ProblemStatus;
  added: ActionRecord;
  closedAt: string | null;
}

/** Arguments every action update carries. */
export interface ActionBase {
  requestId: string;
  actor: ActorRef;
}

export interface SubmitArgs extends ActionBase {
  stageKey?: string;
  note: string;
  evidenceIds?: string[];
  quantity?: number;
}
export interface NoteArgs extends ActionBase {
  note?: string;
}
export interface ReasonArgs extends ActionBase {
  reason: string;
}
export interface ExtensionRequestArgs extends ReasonArgs {
  newDueDate: string;
}
export interface ExtensionDecisionArgs extends ActionBase {
  approve: boolean;
  note?: string;
}
export interface ReassignArgs extends ReasonArgs {
  newLeadUnit: string;
}
export interface CommentArgs extends ActionBase {
  text: string;
}
/** Adds a problem to a rectification task's ledger; it gets its own workflow (整改 → 销号). */
export interface AddProblemArgs extends ActionBase {
  /** Unique within the task, e.g. the inspection report's item number: [A-Za-z0-9_-]{1,40}. */
  problemId: string;
  title: string;
  /** YYYY-MM-DD (Shanghai): 17:30 of that workday, or of the workday before a holiday. */
  dueDate: string;
  note?: string;
}

/** The actions (Temporal Update names) and their argument types. */
export interface TaskActionArgs {
  acknowledge: NoteArgs;
  decline: ReasonArgs;
  submit: SubmitArgs;
  cooperateFeedback: NoteArgs;
  confirmCooperation: NoteArgs;
  approve: NoteArgs;
  returnStage: ReasonArgs;
  requestExtension: ExtensionRequestArgs;
  decideExtension: ExtensionDecisionArgs;
  reassign: ReassignArgs;
  suspend: ReasonArgs;
  resume: NoteArgs;
  cancel: ReasonArgs;
  close: NoteArgs;
  comment: CommentArgs;
  addProblem: AddProblemArgs;
}

export type TaskAction = keyof TaskActionArgs;

export const TASK_ACTIONS: TaskAction[] = [
  'acknowledge',
  'decline',
  'submit',
  'cooperateFeedback',
  'confirmCooperation',
  'approve',
  'returnStage',
  'requestExtension',
  'decideExtension',
  'reassign',
  'suspend',
  'resume',
  'cancel',
  'close',
  'comment',
  'addProblem',
];

/** Timer plan of a stage, computed on the workday calendar by an activity. */
export interface StageTimerPlan {
  reminders: { offsetWorkdays: number; at: string }[];
  escalations: { level: number; to: EscalationTarget; at: string }[];
  yellowFrom: string;
}

/** A notification the workflow asks its activity to deliver (inbox, e-mail, group robots). */
export interface NotificationRequest {
  /** task/stage/kind/level(/revision): a retried activity never sends twice. */
  dedupKey: string;
  kind: 'reminder' | 'escalation' | 'action';
  level?: number;
  recipients: { unitCode: string; role: string }[];
  title: string;
  body: string;
  taskId: string;
  /** The same task split into its parts, for links (taskId = `${planId}/${taskCode}`). */
  taskRef?: { planId: string; taskCode: string };
}

/** Workflow id of a task: deterministic, so a re-import cannot start a twin. */
export function taskWorkflowId(planId: string, taskCode: string): string {
  return `${planId}/${taskCode}`;
}

/** Workflow id of a rectification problem (a child of its task's workflow). */
export function problemWorkflowId(planId: string, taskCode: string, problemId: string): string {
  return `${taskWorkflowId(planId, taskCode)}/problem/${problemId}`;
}

export const TASK_WORKFLOW_TYPE = 'taskLifecycleWorkflow';
/**
 * A change of the workday calendar (a notice entered or corrected): the years it touched and the
 * calendar's new revision. Signalled to every open task with dates in those years; the task
 * resolves its due dates again and re-plans its pending reminders and escalations.
 */
export interface CalendarChange {
  years: number[];
  revision: number;
}
export const CALENDAR_CHANGED_SIGNAL = 'calendarChanged';

/** Signal a problem's workflow sends its parent task when it ends: `{ problemId, status }`. */
export const PROBLEM_CLOSED_SIGNAL = 'problemClosed';
/** Sent to the task whose ledger holds a problem that was reopened (反弹回潮): `{ problemId, reason }`. */
export const PROBLEM_REOPENED_SIGNAL = 'problemReopened';
/** Sent to an imported list's task when a revision of the list adds a row: the ListedProblem. */
export const PROBLEM_LISTED_SIGNAL = 'problemListed';
export const GET_STATE_QUERY = 'getState';
