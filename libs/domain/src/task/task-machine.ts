import { ActorRef } from '../access/actor';
import { shanghaiDate } from '../calendar/shanghai-time';
import { ESCALATION_LEVEL_LABELS, ESCALATION_TARGET_LABELS, label, TASK_KIND_LABELS } from '../labels/labels';
import { TaskRejection, reject } from './rejections';
import { initialTaskState } from './initial-task-state';
import { TaskNotice, taskNotices, reminderWhen } from './task-notices';
import { elapsedText } from '../text/elapsed-text';
import { asksReceipt, newReceipt, pendingReceipt } from './receipt';
import { checkAction, currentStage } from './task-rules';
import {
  ActionRecord,
  AddProblemArgs,
  CalendarChange,
  ListedProblem,
  ProblemEntry,
  ProblemStatus,
  problemWorkflowId,
  RECEIPT_KEY,
  StageState,
  StageTimerPlan,
  TASK_ACTIONS,
  TaskAction,
  TaskActionArgs,
  TaskSnapshot,
  TaskWorkflowInput,
} from './task-types';
import { applyTimerPlan } from './timer-states';
import { stageLight, worseLight } from './traffic-light';
import { nextProgressCheck, taskProgress } from './task-progress';

/** What continue-as-new carries over besides the input. */
export interface CarriedState {
  state: TaskSnapshot;
  processed: [string, number][];
  projectedSeq: number;
}

/** The actions the machine applies without waiting for the calendar or a child workflow. */
export type ImmediateAction = Exclude<TaskAction, 'decideExtension' | 'addProblem'>;

/** The actions the machine applies as they come (the other two wait on the calendar or a child). */
export const IMMEDIATE_ACTIONS = TASK_ACTIONS.filter(
  (a): a is ImmediateAction => a !== 'decideExtension' && a !== 'addProblem',
);

/** Two calendar changes not applied yet, as one: every year either touched, the newer revision. */
export function mergeCalendarChanges(pending: CalendarChange | null, change: CalendarChange): CalendarChange {
  return {
    years: [...new Set([...(pending?.years ?? []), ...change.years])],
    revision: Math.max(change.revision, pending?.revision ?? 0),
  };
}

/** The next thing a stage's clock does: a reminder, an escalation, or a change of light. */
export interface DueTimer {
  at: number;
  fire: () => TaskNotice[];
}

/** A stage whose due date a calendar change resolves again, and the date it was planned for. */
export interface CalendarTarget {
  stage: StageState;
  date: string;
}

const MAX_REMEMBERED_REQUESTS = 1000;
const MAX_EVENTS_IN_STATE = 200;

/**
 * The task's state machine (状态机): what each action, timer, calendar change and projection
 * outcome does to a task's state, and which notifications it asks for. Pure: no I/O and no clock
 * of its own (`now` is the workflow's time), so every rule is unit-tested without Temporal and the
 * workflow only decides when things happen and carries out what the machine asks.
 */
export class TaskMachine {
  readonly s: TaskSnapshot;
  /** Request ids already answered, with the version they were applied at (idempotent retries). */
  private readonly processed: Map<string, number>;
  /** Events up to this seq are in the read model: the state keeps only a tail after it. */
  private projectedSeq: number;

  private constructor(
    state: TaskSnapshot,
    carried: Omit<CarriedState, 'state'>,
    private readonly now: () => number,
  ) {
    this.s = state;
    this.s.problems ??= []; // state carried by a run that predates the ledger
    this.processed = new Map(carried.processed);
    this.projectedSeq = carried.projectedSeq;
    this.refreshDerived();
  }

  /** A new task: its first stage open, and the `started` event recorded. */
  static start(input: TaskWorkflowInput, now: () => number): TaskMachine {
    const machine = new TaskMachine(initialTaskState(input), { processed: [], projectedSeq: 0 }, now);
    const s = machine.s;
    // A problem added to a ledger is the parent's own work: the parent's 签收 covers it. A row of
    // an imported list has a unit of its own, which acknowledges it.
    if (asksReceipt(s.policy) && (!input.parent || input.parent.ownReceipt))
      s.receipt = newReceipt(s.leadUnit, machine.nowIso());
    // Nothing is expected of a unit before the item reached it: the span starts no earlier.
    const today = shanghaiDate(machine.now());
    if (s.progressFrom && s.progressFrom < today) {
      s.progressFrom = today;
      machine.refreshDerived();
    }
    machine.event('started', `${label(TASK_KIND_LABELS, s.kind)}：${s.stages.map((st) => st.name).join(' → ')}`);
    if (s.problems.length) machine.event('problems-listed', `${s.problems.length} 个问题`);
    return machine;
  }

  /** The same task in the next run after continue-as-new. */
  static resume(carried: CarriedState, now: () => number): TaskMachine {
    return new TaskMachine(carried.state, carried, now);
  }

  carry(): CarriedState {
    return { state: this.s, processed: [...this.processed], projectedSeq: this.projectedSeq };
  }

  get ended(): boolean {
    return this.s.status === 'closed' || this.s.status === 'cancelled';
  }

  // ---- requests ------------------------------------------------------------------------------

  /** A retry of a request already applied: answered with the state, never applied twice. */
  isAnswered(requestId: string): boolean {
    return this.processed.has(requestId);
  }

  /** Why the request cannot be applied to the task as it is now; null when it can (or is a retry). */
  refusal<A extends TaskAction>(action: A, args: TaskActionArgs[A]): TaskRejection | null {
    if (!args || typeof args.requestId !== 'string' || !args.requestId || !args.actor) {
      return reject('BAD_INPUT', '请求缺少 requestId 或操作人', 'requestId and actor are required');
    }
    if (this.isAnswered(args.requestId)) return null;
    return checkAction(action, args, this.s);
  }

  /** Marks the request as taken before its work starts, so a concurrent twin is answered, not applied. */
  accept(requestId: string): void {
    this.processed.set(requestId, this.s.version);
  }

  /** The request failed: nothing changed, and the same request may be retried. */
  release(requestId: string): void {
    this.processed.delete(requestId);
  }

  /** The request's work is done: a new version, and the oldest request ids forgotten. */
  settle(): void {
    this.changed();
    while (this.processed.size > MAX_REMEMBERED_REQUESTS) {
      this.processed.delete(this.processed.keys().next().value as string);
    }
  }

  apply<A extends ImmediateAction>(action: A, args: TaskActionArgs[A]): TaskNotice[] {
    const step = this.steps[action] as (args: TaskActionArgs[A]) => TaskNotice[];
    return step(args);
  }

  private readonly steps: { [A in ImmediateAction]: (args: TaskActionArgs[A]) => TaskNotice[] } = {
    acknowledge: (a) => {
      const receipt = this.s.receipt!;
      receipt.status = 'approved';
      receipt.approval = this.record(a.actor, a.note);
      receipt.completedAt = this.nowIso();
      this.resolveEscalations(RECEIPT_KEY);
      const took = `用时${elapsedText(receipt.assignedAt, receipt.completedAt)}`;
      this.event('acknowledge', a.note ? `${took}：${a.note}` : took, a.actor, RECEIPT_KEY, a.requestId);
      return [taskNotices.acknowledged(this.s)];
    },

    decline: (a) => {
      const receipt = this.s.receipt!;
      receipt.status = 'returned';
      receipt.declined = { ...this.record(a.actor), reason: a.reason };
      this.resolveEscalations(RECEIPT_KEY);
      this.event('decline', a.reason, a.actor, RECEIPT_KEY, a.requestId);
      return [taskNotices.declined(this.s, a.reason)];
    },

    submit: (a) => {
      const { s } = this;
      const stage = this.stage();
      stage.submission = { ...this.record(a.actor, a.note), evidenceIds: a.evidenceIds ?? [], quantity: a.quantity };
      stage.cooperation = {};
      const needsCooperation = stage.requiresCooperation && s.cooperatingUnits.length > 0;
      stage.status = needsCooperation ? 'awaiting-cooperation' : 'submitted';
      this.event('submit', a.note, a.actor, stage.key, a.requestId);
      return [
        needsCooperation ? taskNotices.cooperationRequested(s, stage) : taskNotices.approvalRequested(s, stage, a.note),
      ];
    },

    cooperateFeedback: (a) => {
      const stage = this.stage();
      const unit = a.actor.unitCode!;
      stage.cooperation[unit] = { feedback: this.record(a.actor, a.note) };
      this.event('cooperate-feedback', a.note, a.actor, stage.key, a.requestId);
      return [taskNotices.cooperationToConfirm(this.s, stage, unit)];
    },

    confirmCooperation: (a) => {
      const stage = this.stage();
      stage.cooperation[a.actor.unitCode!].confirmed = this.record(a.actor, a.note);
      this.event('confirm-cooperation', a.note, a.actor, stage.key, a.requestId);
      if (!this.s.cooperatingUnits.every((u) => stage.cooperation[u]?.confirmed)) return [];
      stage.status = 'submitted';
      return [taskNotices.cooperationComplete(this.s, stage)];
    },

    approve: (a) => {
      const stage = this.stage();
      stage.approval = this.record(a.actor, a.note);
      stage.status = 'approved';
      stage.completedAt = this.nowIso();
      this.resolveEscalations(stage.key);
      this.event('approve', a.note, a.actor, stage.key, a.requestId);
      return [taskNotices.approved(this.s, stage), ...this.openNext(stage)];
    },

    returnStage: (a) => {
      if (this.stage().closure) return this.verificationRefused(a);
      const stage = this.stage();
      stage.returns.push({ ...this.record(a.actor), reason: a.reason });
      stage.status = 'returned';
      stage.cooperation = {};
      this.event('return', a.reason, a.actor, stage.key, a.requestId);
      return [taskNotices.returned(this.s, stage, a.reason)];
    },

    requestExtension: (a) => {
      const stage = this.stage();
      this.s.pendingExtension = {
        stageKey: stage.key,
        newDueDate: a.newDueDate,
        reason: a.reason,
        requested: this.record(a.actor),
      };
      this.event('request-extension', `${a.newDueDate}：${a.reason}`, a.actor, stage.key, a.requestId);
      return [taskNotices.extensionRequested(this.s, stage, a.newDueDate, a.reason)];
    },

    reassign: (a) => {
      const { s } = this;
      const from = s.leadUnit;
      s.leadUnit = a.newLeadUnit;
      s.cooperatingUnits = s.cooperatingUnits.filter((u) => u !== a.newLeadUnit);
      for (const st of s.stages) if (!st.closure) st.ownerUnit = a.newLeadUnit;
      if (asksReceipt(s.policy)) {
        // The new unit acknowledges its assignment in turn; the old one's overdue 签收 is moot.
        this.resolveEscalations(RECEIPT_KEY);
        s.receipt = newReceipt(a.newLeadUnit, this.nowIso());
      }
      this.event('reassign', `${from} → ${a.newLeadUnit}：${a.reason}`, a.actor, undefined, a.requestId);
      return [taskNotices.reassigned(s, a.reason)];
    },

    suspend: (a) => {
      this.s.status = 'suspended';
      this.event('suspend', a.reason, a.actor, undefined, a.requestId);
      return [];
    },

    resume: (a) => {
      this.s.status = 'active';
      this.event('resume', a.note, a.actor, undefined, a.requestId);
      return [];
    },

    cancel: (a) => {
      this.s.status = 'cancelled';
      this.resolveEscalations();
      this.event('cancel', a.reason, a.actor, undefined, a.requestId);
      return [];
    },

    close: (a) => {
      const stage = this.stage();
      stage.status = 'closed';
      stage.approval = this.record(a.actor, a.note);
      stage.completedAt = this.nowIso();
      this.s.status = 'closed';
      this.resolveEscalations();
      this.event('close', a.note, a.actor, stage.key, a.requestId);
      return [taskNotices.closed(this.s)];
    },

    comment: (a) => {
      this.event('comment', a.text, a.actor, this.s.currentStageKey ?? undefined, a.requestId);
      return [];
    },
  };

  /**
   * 核实未通过: the closure goes back to pending and the last working stage opens again as
   * returned, for the lead unit to do and submit once more (its head approves it again).
   */
  private verificationRefused(a: TaskActionArgs['returnStage']): TaskNotice[] {
    const closure = this.stage();
    const back = this.s.stages[this.s.stages.indexOf(closure) - 1];
    const refusal = { ...this.record(a.actor), reason: a.reason };
    closure.status = 'pending';
    closure.returns.push(refusal);
    back.status = 'returned';
    back.returns.push(refusal);
    back.approval = null;
    back.completedAt = null;
    back.cooperation = {};
    this.s.currentStageKey = back.key;
    this.event('verification-refused', `${back.name}：${a.reason}`, a.actor, closure.key, a.requestId);
    return [taskNotices.verificationRefused(this.s, back, a.reason)];
  }

  // ---- extension decision: the new instant comes from the calendar first ---------------------

  /** The pending request a decision answers (checkAction refused a decision without one). */
  get pendingExtension(): NonNullable<TaskSnapshot['pendingExtension']> {
    return this.s.pendingExtension!;
  }

  /**
   * `newDueAt`: the instant of the requested date when approved, null when refused. With
   * `moveLaterStages`, later stages that would fall due before the new date move to it too (a
   * task whose plan stage moves to December cannot owe its quarterly reports in June).
   */
  decideExtension(
    a: TaskActionArgs['decideExtension'],
    newDueAt: string | null,
    moveLaterStages = false,
  ): TaskNotice[] {
    const request = this.pendingExtension;
    const stage = this.s.stages.find((st) => st.key === request.stageKey)!;
    this.s.pendingExtension = null;
    const moved: string[] = [];
    if (newDueAt) {
      stage.dueAt = newDueAt;
      stage.dueDate = request.newDueDate;
      stage.dueRevision += 1;
      stage.escalationLevel = 0;
      this.resolveEscalations(stage.key);
      const later = moveLaterStages ? this.s.stages.slice(this.s.stages.indexOf(stage) + 1) : [];
      for (const st of later) {
        if (st.closure || !st.dueAt || Date.parse(st.dueAt) >= Date.parse(newDueAt)) continue;
        st.dueAt = newDueAt;
        st.dueDate = request.newDueDate;
        st.dueRevision += 1;
        moved.push(st.name);
      }
    }
    const decision = a.approve ? 'extension-approved' : 'extension-refused';
    const alsoMoved = moved.length ? `；后续阶段${moved.join('、')}一并延至 ${request.newDueDate}` : '';
    this.event(decision, `${a.note ?? request.newDueDate}${alsoMoved}`, a.actor, stage.key, a.requestId);
    return [taskNotices.extensionDecided(this.s, stage, a.approve, request.newDueDate, a.note, moved)];
  }

  // ---- rectification ledger (整改台账): one child workflow per problem ------------------------

  /** Entered before the child starts, so a concurrent request with the same problemId is refused. */
  openProblem(a: AddProblemArgs): ProblemEntry {
    const entry: ProblemEntry = {
      problemId: a.problemId,
      title: a.title,
      workflowId: problemWorkflowId(this.s.planId, this.s.taskCode, a.problemId),
      dueAt: '',
      status: 'open',
      added: this.record(a.actor, a.note),
      closedAt: null,
    };
    this.s.problems.push(entry);
    return entry;
  }

  /** The problem's due date or child could not be had: it was never added. */
  dropProblem(entry: ProblemEntry): void {
    this.s.problems = this.s.problems.filter((p) => p !== entry);
  }

  problemAdded(a: AddProblemArgs): void {
    this.event('add-problem', `${a.problemId}：${a.title}（期限 ${a.dueDate}）`, a.actor, undefined, a.requestId);
  }

  /**
   * A row a revision of the imported list added (整改清单 re-imported): the parent waits for it
   * too. False when nothing changed (known already, or the task has ended).
   */
  problemListed(p: ListedProblem): boolean {
    if (this.ended || this.s.problems.some((known) => known.problemId === p.problemId)) return false;
    this.s.problems.push({ ...p, status: 'open', closedAt: null });
    this.event('problem-listed', `${p.problemId}：${p.title}`);
    this.changed();
    return true;
  }

  /** A problem's workflow ended. False when nothing changed (unknown problem, repeated signal). */
  problemEnded(problemId: string, status: Exclude<ProblemStatus, 'open'>): boolean {
    const problem = this.s.problems.find((p) => p.problemId === problemId);
    if (!problem || problem.status !== 'open') return false;
    problem.status = status;
    problem.closedAt = this.nowIso();
    this.event(status === 'closed' ? 'problem-closed' : 'problem-cancelled', `${problemId}：${problem.title}`);
    this.changed();
    return true;
  }

  // ---- 签收: the receipt's deadline comes from the calendar -----------------------------------

  /** A receipt waits for its deadline (a new assignment): the workflow asks the calendar. */
  receiptToSchedule(): NonNullable<TaskSnapshot['receipt']> | null {
    const receipt = pendingReceipt(this.s);
    return receipt && receipt.status === 'open' && !receipt.scheduled ? receipt : null;
  }

  /** The receipt's deadline, or null with why the calendar refused (it then waits without timers). */
  receiptScheduled(dueAt: string | null, why?: string): void {
    const receipt = this.s.receipt!;
    receipt.scheduled = true;
    receipt.dueAt = dueAt;
    if (dueAt) receipt.dueDate = shanghaiDate(dueAt);
    else this.timerProblem(receipt, why ?? '');
    this.changed();
  }

  /**
   * The step whose clock runs now: the receipt while the task waits for it (reminders and the
   * ladder of 签收), otherwise the current stage.
   */
  clockStage(): StageState | undefined {
    return pendingReceipt(this.s) ?? currentStage(this.s);
  }

  /**
   * A closed problem of the ledger was reopened (反弹回潮): open again, so the task cannot be
   * closed before it is. False when nothing changed (unknown, not closed, a repeated signal).
   */
  problemReopened(problemId: string, reason: string): boolean {
    const problem = this.s.problems.find((p) => p.problemId === problemId);
    // An ended task is reopened as a whole (a new run), not by this signal.
    if (this.ended || !problem || problem.status !== 'closed') return false;
    problem.status = 'open';
    problem.closedAt = null;
    this.event('problem-reopened', `${problemId}：${problem.title}（${reason}）`);
    this.changed();
    return true;
  }

  // ---- calendar changes ------------------------------------------------------------------------

  /** A well-formed change not applied yet (newer than the revision the task's dates were planned on). */
  isNewCalendar(change: CalendarChange | null | undefined): change is CalendarChange {
    if (!change || !Array.isArray(change.years) || typeof change.revision !== 'number') return false;
    return change.revision > (this.s.calendarRevision ?? 0);
  }

  /**
   * The stages still to finish whose date falls in a changed year, and the current stage, one at
   * a time: each is looked at only after the previous one was resolved, as the task is then.
   */
  *calendarTargets(change: CalendarChange): Generator<CalendarTarget> {
    this.s.calendarRevision = change.revision;
    for (const stage of this.s.stages) {
      if (!stage.dueAt || stage.closure || stage.status === 'approved' || stage.status === 'closed') continue;
      const date = stage.dueDate ?? shanghaiDate(stage.dueAt);
      const touched = change.years.includes(Number(date.slice(0, 4))) || stage.key === this.s.currentStageKey;
      if (touched) yield { stage, date };
    }
  }

  /** The stage's date resolved on the new calendar: a line for the event when it moved. */
  dueResolved(stage: StageState, at: string): string | null {
    if (at === stage.dueAt) return null;
    const moved = `${stage.name}：${shanghaiDate(stage.dueAt!)} → ${shanghaiDate(at)}`;
    stage.dueAt = at;
    return moved;
  }

  calendarApplied(moved: string[]): void {
    const which = moved.length ? `：${moved.join('；')}` : '（期限未变）';
    this.event('calendar-changed', `节假日安排更新，期限重新计算${which}`);
    this.changed();
  }

  // ---- timers ----------------------------------------------------------------------------------

  /** The current stage has a deadline still to meet, so reminders and escalations run for it. */
  needsTimers(stage: StageState): boolean {
    // A declined receipt is the supervision office's to reassign: nobody is chased meanwhile.
    const declined = stage === this.s.receipt && stage.status === 'returned';
    return Boolean(stage.dueAt) && !stage.closure && stage.status !== 'approved' && !declined;
  }

  /** Late reminders are skipped, late escalations still raised; what already fired stays fired. */
  timersPlanned(stage: StageState, plan: StageTimerPlan): void {
    Object.assign(stage, applyTimerPlan(stage, plan, this.now()));
    stage.yellowFrom = plan.yellowFrom;
    stage.plannedRevision = stage.dueRevision;
    this.changed();
  }

  /**
   * The calendar refused for good: the stage keeps its deadline and light but has no reminders
   * until a calendar change plans it again.
   */
  timersUnplanned(stage: StageState, why: string): void {
    stage.plannedRevision = stage.dueRevision;
    for (const t of [...stage.reminders, ...stage.ladder]) if (t.state === 'pending') t.state = 'skipped';
    this.timerProblem(stage, why);
    this.changed();
  }

  /** A stage's dates could not be planned: recorded so the ledger shows why it is silent. */
  timerProblem(stage: StageState, why: string): void {
    this.event('timers-unplanned', `${stage.name}：${why}`, undefined, stage.key);
  }

  nextTimer(stage: StageState): DueTimer | null {
    const candidates: DueTimer[] = [];
    for (const r of stage.reminders) {
      if (r.state === 'pending') candidates.push({ at: Date.parse(r.at), fire: () => this.remind(stage, r) });
    }
    for (const e of stage.ladder) {
      if (e.state === 'pending') candidates.push({ at: Date.parse(e.at), fire: () => this.escalate(stage, e) });
    }
    // Light changes (green → yellow → red) have no event of their own but must reach the ledger.
    for (const edge of [stage.yellowFrom, stage.dueAt]) {
      const at = edge ? Date.parse(edge) + (edge === stage.dueAt ? 1 : 0) : NaN;
      if (!isNaN(at) && at > this.now()) candidates.push({ at, fire: () => (this.changed(), []) });
    }
    // The weekly 序时进度 check: where the task should be moves on even when nothing happens.
    if (this.s.progress) candidates.push({ at: nextProgressCheck(this.now()), fire: () => (this.changed(), []) });
    candidates.sort((a, b) => a.at - b.at);
    return candidates[0] ?? null;
  }

  private remind(stage: StageState, r: StageState['reminders'][number]): TaskNotice[] {
    r.state = 'fired';
    this.event('reminder', `${stage.name}：${reminderWhen(r.offsetWorkdays)}`, undefined, stage.key);
    const notice = taskNotices.reminder(this.s, stage, r.offsetWorkdays);
    this.changed();
    return [notice];
  }

  private escalate(stage: StageState, e: StageState['ladder'][number]): TaskNotice[] {
    e.state = 'fired';
    stage.escalationLevel = Math.max(stage.escalationLevel, e.level);
    this.s.escalations.push({
      stageKey: stage.key,
      level: e.level,
      to: e.to,
      unitCode: this.s.leadUnit,
      raisedAt: this.nowIso(),
      resolvedAt: null,
    });
    const level = ESCALATION_LEVEL_LABELS[e.level] ?? `${e.level}级督办`;
    this.event(
      'escalation',
      `${stage.name}：${level}（${label(ESCALATION_TARGET_LABELS, e.to)}）`,
      undefined,
      stage.key,
    );
    const notice = taskNotices.escalation(this.s, stage, e.level, e.to);
    this.changed();
    return [notice];
  }

  // ---- projection and delivery -----------------------------------------------------------------

  /** What the read model has not seen: the state with only the events after the last projection. */
  projection(): { snapshot: TaskSnapshot; lastSeq: number } {
    return {
      snapshot: { ...this.s, events: this.s.events.filter((e) => e.seq > this.projectedSeq) },
      lastSeq: this.lastSeq(),
    };
  }

  /** The read model holds the events up to `lastSeq`: the state forgets them once they pile up. */
  projected(lastSeq: number): void {
    this.projectedSeq = Math.max(this.projectedSeq, lastSeq);
    if (this.s.events.length > MAX_EVENTS_IN_STATE)
      this.s.events = this.s.events.filter((e) => e.seq > this.projectedSeq);
  }

  /**
   * The database refused the projection for good: the next one carries these events again, and
   * the state keeps a bounded tail of them meanwhile.
   */
  projectionRefused(): void {
    if (this.s.events.length > 2 * MAX_EVENTS_IN_STATE) this.s.events = this.s.events.slice(-MAX_EVENTS_IN_STATE);
  }

  /** A notification gave up after its retries: recorded so the ledger shows the gap. */
  notificationFailed(notice: TaskNotice): void {
    this.event('notification-failed', notice.dedupKey);
  }

  /** The parent of a problem had ended when the problem reported back. */
  parentGone(parentWorkflowId: string): void {
    this.event('parent-gone', parentWorkflowId);
  }

  /** A timer or signal changed what the task shows: a new version for the read model. */
  changed(): void {
    this.s.version += 1;
    this.refreshDerived();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private stage(): StageState {
    return currentStage(this.s)!;
  }

  private openNext(from: StageState): TaskNotice[] {
    const next = this.s.stages[this.s.stages.indexOf(from) + 1];
    this.s.currentStageKey = next?.key ?? null;
    if (!next) return [];
    next.status = 'open';
    this.event('stage-opened', next.name, undefined, next.key);
    return next.closure ? [taskNotices.closureReady(this.s, next)] : [];
  }

  private resolveEscalations(stageKey?: string): void {
    for (const e of this.s.escalations) {
      if (!e.resolvedAt && (!stageKey || e.stageKey === stageKey)) e.resolvedAt = this.nowIso();
    }
  }

  private refreshDerived(): void {
    const { s } = this;
    const stage = currentStage(s);
    s.trafficLight = s.status === 'active' && stage ? stageLight(stage, this.now()) : 'none';
    // 序时进度: a task behind where it should be is at least as yellow or red as its gap says.
    if (s.policy.progress) {
      s.progress = taskProgress(s, this.now());
      if (s.progress && s.trafficLight !== 'none') s.trafficLight = worseLight(s.trafficLight, s.progress.light);
    }
    s.nextDueAt = s.status === 'active' && stage && stage.status !== 'approved' ? stage.dueAt : null;
  }

  private lastSeq(): number {
    return this.s.events[this.s.events.length - 1]?.seq ?? this.projectedSeq;
  }

  private event(action: string, detail?: string, actor?: ActorRef, stageKey?: string, requestId?: string): void {
    this.s.events.push({ seq: this.lastSeq() + 1, at: this.nowIso(), action, actor, stageKey, requestId, detail });
  }

  private record(actor: ActorRef, note?: string): ActionRecord {
    return { by: actor.userId, role: actor.role, unit: actor.unitCode, at: this.nowIso(), ...(note ? { note } : {}) };
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}
