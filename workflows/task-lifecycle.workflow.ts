import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { ActorRef } from '../libs/domain/src/access/actor';
import { problemTaskInput } from '../libs/domain/src/task/problem-input';
import { TaskActivities } from '../libs/domain/src/task/task-activities';
import { TASK_ACTIVITY_OPTIONS, TASK_LOCAL_ACTIVITY_OPTIONS } from '../libs/domain/src/task/task-contract';
import { checkAction, currentStage } from '../libs/domain/src/task/task-rules';
import {
  ActionRecord,
  EscalationTarget,
  NotificationRequest,
  ProblemEntry,
  problemWorkflowId,
  StageState,
  TaskAction,
  TaskActionArgs,
  TaskSnapshot,
  TaskWorkflowInput,
} from '../libs/domain/src/task/task-types';
import { shanghaiDate } from '../libs/domain/src/calendar/shanghai-time';
import { CalendarChange } from '../libs/domain/src/task/task-types';
import { applyTimerPlan } from '../libs/domain/src/task/timer-states';
import { stageLight } from '../libs/domain/src/task/traffic-light';
import { initialState } from './task-state';
import {
  calendarChangedSignal,
  getStateQuery,
  problemClosedSignal,
  TaskLifecycleWorkflow,
  taskUpdates,
} from '../libs/domain/src/task/task-messages';

/**
 * One durable workflow per leaf task, alive for months. It owns the task's lifecycle: stages and
 * their sign-off, reminders (催办) before each due instant, the escalation ladder (督办) after it,
 * extensions, reassignment, suspension and closure (销号). Dates come in as instants from the
 * calendar activity; the workflow only compares them with workflow time.
 *
 * Versioning convention: workflows run for a year, so a deployment meets histories written by
 * older code. Any change that alters the commands issued for an EXISTING history (activities,
 * timers, children, signals — their order or count) goes behind `if (patched('<change-id>'))`,
 * with the old path kept in the else branch; once no running workflow predates it, the old branch
 * is removed and the call becomes `deprecatePatch('<change-id>')`. Record a history that takes
 * the new path into test/histories (RECORD_HISTORIES=1) so replay keeps checking both. Code paths
 * reachable only from new inputs or new updates (e.g. addProblem) need no patch.
 * Patch ids in use: 'resume-replans-timers', 'grace-after-end', 'local-projection',
 * 'notify-before-continue-as-new'.
 */

type CalendarActivities = Pick<TaskActivities, 'planStageTimers' | 'resolveDueInstant'>;
type ProjectionActivities = Pick<TaskActivities, 'projectTaskState'>;
const remote = {
  calendar: proxyActivities<CalendarActivities>(TASK_ACTIVITY_OPTIONS.calendar),
  projection: proxyActivities<ProjectionActivities>(TASK_ACTIVITY_OPTIONS.projection),
};
const local = {
  calendar: proxyLocalActivities<CalendarActivities>(TASK_LOCAL_ACTIVITY_OPTIONS.calendar),
  projection: proxyLocalActivities<ProjectionActivities>(TASK_LOCAL_ACTIVITY_OPTIONS.projection),
};
const notifications = proxyActivities<Pick<TaskActivities, 'notify'>>(TASK_ACTIVITY_OPTIONS.notification);

/** What continue-as-new carries over besides the input. */
export interface CarriedState {
  state: TaskSnapshot;
  processed: [string, number][];
  projectedSeq: number;
}

const MAX_REMEMBERED_REQUESTS = 1000;
const MAX_EVENTS_IN_STATE = 200;
const HISTORY_EVENT_LIMIT = 8000;
/** How long an ended task still answers retried requests (same request id → first answer). */
const GRACE_AFTER_END = '1 hour';

export async function taskLifecycleWorkflow(input: TaskWorkflowInput, carried?: CarriedState): Promise<TaskSnapshot> {
  // Runs started before the patch keep scheduling these on the server, as their histories say.
  const { calendar, projection } = patched('local-projection') ? local : remote;
  const s: TaskSnapshot = carried?.state ?? initialState(input);
  s.problems ??= []; // state carried by a run that predates the ledger
  const processed = new Map<string, number>(carried?.processed ?? []);
  let projectedSeq = carried?.projectedSeq ?? 0;
  let changes = 0; // bumped by every update: the main loop re-plans its timers
  let replanRequested = false; // set by resume: the timers of the current stage are planned again
  let calendarChange: CalendarChange | null = null; // set by the calendarChanged signal
  const pendingNotifications: Promise<void>[] = [];
  let projecting: Promise<unknown> = Promise.resolve();

  const nowIso = () => new Date(Date.now()).toISOString();
  const record = (actor: ActorRef, note?: string): ActionRecord => ({
    by: actor.userId,
    role: actor.role,
    unit: actor.unitCode,
    at: nowIso(),
    ...(note ? { note } : {}),
  });
  const event = (action: string, detail?: string, actor?: ActorRef, stageKey?: string, requestId?: string) => {
    const seq = (s.events[s.events.length - 1]?.seq ?? projectedSeq) + 1;
    s.events.push({ seq, at: nowIso(), action, actor, stageKey, requestId, detail });
  };
  const refreshDerived = () => {
    const stage = currentStage(s);
    s.trafficLight = s.status === 'active' && stage ? stageLight(stage, Date.now()) : 'none';
    s.nextDueAt = s.status === 'active' && stage && stage.status !== 'approved' ? stage.dueAt : null;
  };
  const changed = () => {
    s.version += 1;
    refreshDerived();
  };

  /** Projections run one at a time, in version order; the projection ignores stale versions. */
  const project = (): Promise<unknown> => {
    const snapshot: TaskSnapshot = { ...s, events: s.events.filter((e) => e.seq > projectedSeq) };
    const lastSeq = s.events[s.events.length - 1]?.seq ?? projectedSeq;
    projecting = projecting.then(async () => {
      try {
        await projection.projectTaskState(snapshot);
        projectedSeq = Math.max(projectedSeq, lastSeq);
        if (s.events.length > MAX_EVENTS_IN_STATE) s.events = s.events.filter((e) => e.seq > projectedSeq);
      } catch {
        // Refused by the database for good (the activity marked the row 投影失败; transient errors
        // are retried inside the activity). The task goes on; the next projection carries these
        // events again, and the state keeps a bounded tail of them meanwhile.
        if (s.events.length > 2 * MAX_EVENTS_IN_STATE) s.events = s.events.slice(-MAX_EVENTS_IN_STATE);
      }
    });
    return projecting;
  };

  const notify = (request: Omit<NotificationRequest, 'taskId'>) => {
    pendingNotifications.push(
      notifications
        .notify({ ...request, taskId: s.taskId, taskRef: { planId: s.planId, taskCode: s.taskCode } })
        .catch(() => {
          // Gave up after a day of retries: recorded so the ledger shows the gap.
          event('notification-failed', request.dedupKey);
        }),
    );
  };
  const lead = (role: string) => [{ unitCode: s.leadUnit, role }];

  // Recorded before any handler exists: an update delivered with the start comes after it.
  if (!carried) event('started', `${s.kind}：${s.stages.map((st) => st.name).join(' → ')}`);

  // ---- query and updates -------------------------------------------------------------------
  setHandler(getStateQuery, () => ({ ...s }));

  const handle = <A extends TaskAction>(action: A, apply: (args: TaskActionArgs[A]) => void | Promise<void>) => {
    const definition = taskUpdates[action] as unknown as UpdateDefinition<TaskSnapshot, [TaskActionArgs[A]], string>;
    setHandler(
      definition,
      async (args: TaskActionArgs[A]) => {
        if (processed.has(args.requestId)) return { ...s };
        processed.set(args.requestId, s.version);
        try {
          await apply(args);
        } catch (error) {
          processed.delete(args.requestId); // refused, not done: the same request may be retried
          // Any failure ends this update, never the workflow task: an error that is not a Temporal
          // failure would fail the task and retry it for ever.
          throw ApplicationFailure.nonRetryable(failureMessage(error), failureType(error));
        }
        changed();
        changes += 1;
        while (processed.size > MAX_REMEMBERED_REQUESTS) processed.delete(processed.keys().next().value as string);
        await project();
        return { ...s };
      },
      {
        validator: (args: TaskActionArgs[A]) => {
          if (!args || typeof args.requestId !== 'string' || !args.requestId || !args.actor) {
            throw ApplicationFailure.nonRetryable(
              '请求缺少 requestId 或操作人 / requestId and actor are required',
              'BAD_INPUT',
            );
          }
          if (processed.has(args.requestId)) return; // a retry: answered, never applied twice
          const refusal = checkAction(action, args, s);
          if (refusal) throw ApplicationFailure.nonRetryable(`${refusal.zh} / ${refusal.en}`, refusal.code);
        },
      },
    );
  };

  const openNext = (from: StageState) => {
    const i = s.stages.indexOf(from);
    const next = s.stages[i + 1];
    s.currentStageKey = next?.key ?? null;
    if (next) {
      next.status = 'open';
      event('stage-opened', next.name, undefined, next.key);
      if (next.closure) {
        notify({
          dedupKey: `${s.taskId}/${next.key}/action/closure-ready`,
          kind: 'action',
          recipients: [{ unitCode: '*', role: 'supervisor' }],
          title: `【待销号】${s.title}`,
          body: `任务 ${s.taskCode}「${s.title}」各阶段已完成，请审核销号。`,
        });
      }
    }
  };
  const resolveEscalations = (stageKey?: string) => {
    for (const e of s.escalations) if (!e.resolvedAt && (!stageKey || e.stageKey === stageKey)) e.resolvedAt = nowIso();
  };

  handle('submit', (a) => {
    const stage = currentStage(s)!;
    stage.submission = { ...record(a.actor, a.note), evidenceIds: a.evidenceIds ?? [], quantity: a.quantity };
    stage.cooperation = {};
    const needsCooperation = stage.requiresCooperation && s.cooperatingUnits.length > 0;
    stage.status = needsCooperation ? 'awaiting-cooperation' : 'submitted';
    event('submit', a.note, a.actor, stage.key, a.requestId);
    notify(
      needsCooperation
        ? {
            dedupKey: `${s.taskId}/${stage.key}/action/cooperate/${s.version}`,
            kind: 'action',
            recipients: s.cooperatingUnits.map((u) => ({ unitCode: u, role: 'handler' })),
            title: `【配合反馈】${s.title}`,
            body: `牵头单位已提交“${stage.name}”，请提交配合反馈。`,
          }
        : {
            dedupKey: `${s.taskId}/${stage.key}/action/approve/${s.version}`,
            kind: 'action',
            recipients: lead('unit-head'),
            title: `【待审批】${s.title}`,
            body: `“${stage.name}”已提交，请审批。说明：${a.note}`,
          },
    );
  });

  handle('cooperateFeedback', (a) => {
    const stage = currentStage(s)!;
    const unit = a.actor.unitCode!;
    stage.cooperation[unit] = { feedback: record(a.actor, a.note) };
    event('cooperate-feedback', a.note, a.actor, stage.key, a.requestId);
    notify({
      dedupKey: `${s.taskId}/${stage.key}/action/confirm/${unit}/${s.version}`,
      kind: 'action',
      recipients: [{ unitCode: unit, role: 'unit-head' }],
      title: `【确认配合反馈】${s.title}`,
      body: `本单位已提交“${stage.name}”的配合反馈，请确认。`,
    });
  });

  handle('confirmCooperation', (a) => {
    const stage = currentStage(s)!;
    stage.cooperation[a.actor.unitCode!].confirmed = record(a.actor, a.note);
    event('confirm-cooperation', a.note, a.actor, stage.key, a.requestId);
    if (s.cooperatingUnits.every((u) => stage.cooperation[u]?.confirmed)) {
      stage.status = 'submitted';
      notify({
        dedupKey: `${s.taskId}/${stage.key}/action/approve/${s.version}`,
        kind: 'action',
        recipients: lead('unit-head'),
        title: `【待审批】${s.title}`,
        body: `“${stage.name}”配合单位均已反馈，请审批。`,
      });
    }
  });

  handle('approve', (a) => {
    const stage = currentStage(s)!;
    stage.approval = record(a.actor, a.note);
    stage.status = 'approved';
    stage.completedAt = nowIso();
    resolveEscalations(stage.key);
    event('approve', a.note, a.actor, stage.key, a.requestId);
    notify({
      dedupKey: `${s.taskId}/${stage.key}/action/approved/${s.version}`,
      kind: 'action',
      recipients: lead('handler'),
      title: `【已通过】${s.title}`,
      body: `“${stage.name}”已审批通过。`,
    });
    openNext(stage);
  });

  handle('returnStage', (a) => {
    const stage = currentStage(s)!;
    stage.returns.push({ ...record(a.actor), reason: a.reason });
    stage.status = 'returned';
    stage.cooperation = {};
    event('return', a.reason, a.actor, stage.key, a.requestId);
    notify({
      dedupKey: `${s.taskId}/${stage.key}/action/returned/${s.version}`,
      kind: 'action',
      recipients: lead('handler'),
      title: `【退回】${s.title}`,
      body: `“${stage.name}”被退回，理由：${a.reason}`,
    });
  });

  handle('requestExtension', (a) => {
    const stage = currentStage(s)!;
    s.pendingExtension = {
      stageKey: stage.key,
      newDueDate: a.newDueDate,
      reason: a.reason,
      requested: record(a.actor),
    };
    event('request-extension', `${a.newDueDate}：${a.reason}`, a.actor, stage.key, a.requestId);
    notify({
      dedupKey: `${s.taskId}/${stage.key}/action/extension/${s.version}`,
      kind: 'action',
      recipients: lead('deputy-director'),
      title: `【延期申请】${s.title}`,
      body: `申请将“${stage.name}”延期至 ${a.newDueDate}，理由：${a.reason}`,
    });
  });

  handle('decideExtension', async (a) => {
    const request = s.pendingExtension!;
    const stage = s.stages.find((st) => st.key === request.stageKey)!;
    // The new instant first: if the calendar cannot answer, the update fails and nothing changed.
    const newDueAt = a.approve
      ? await calendar.resolveDueInstant({ date: request.newDueDate, calendarRevision: s.calendarRevision })
      : null;
    s.pendingExtension = null;
    if (newDueAt) {
      stage.dueAt = newDueAt;
      stage.dueDate = request.newDueDate;
      stage.dueRevision += 1;
      stage.escalationLevel = 0;
      resolveEscalations(stage.key);
    }
    event(
      a.approve ? 'extension-approved' : 'extension-refused',
      a.note ?? request.newDueDate,
      a.actor,
      stage.key,
      a.requestId,
    );
    notify({
      dedupKey: `${s.taskId}/${stage.key}/action/extension-decided/${s.version}`,
      kind: 'action',
      recipients: [...lead('handler'), ...lead('unit-head')],
      title: `【延期${a.approve ? '已批准' : '未批准'}】${s.title}`,
      body: a.approve ? `“${stage.name}”期限已延至 ${request.newDueDate}。` : `延期申请未获批准。${a.note ?? ''}`,
    });
  });

  handle('reassign', (a) => {
    const from = s.leadUnit;
    s.leadUnit = a.newLeadUnit;
    s.cooperatingUnits = s.cooperatingUnits.filter((u) => u !== a.newLeadUnit);
    for (const st of s.stages) if (!st.closure) st.ownerUnit = a.newLeadUnit;
    event('reassign', `${from} → ${a.newLeadUnit}：${a.reason}`, a.actor, undefined, a.requestId);
    notify({
      dedupKey: `${s.taskId}/reassign/${s.version}`,
      kind: 'action',
      recipients: [...lead('handler'), ...lead('unit-head')],
      title: `【改派】${s.title}`,
      body: `本任务已改派由贵单位牵头办理。理由：${a.reason}`,
    });
  });

  handle('suspend', (a) => {
    s.status = 'suspended';
    event('suspend', a.reason, a.actor, undefined, a.requestId);
  });
  handle('resume', (a) => {
    s.status = 'active';
    event('resume', a.note, a.actor, undefined, a.requestId);
    // Timers were paused: plan them again, so reminders that fell inside the pause are skipped
    // (not sent in a burst) and fresh calendar data is used. Older runs resumed on the old plan.
    if (patched('resume-replans-timers')) replanRequested = true;
  });
  handle('cancel', (a) => {
    s.status = 'cancelled';
    resolveEscalations();
    event('cancel', a.reason, a.actor, undefined, a.requestId);
  });
  handle('close', (a) => {
    const stage = currentStage(s)!;
    stage.status = 'closed';
    stage.approval = record(a.actor, a.note);
    stage.completedAt = nowIso();
    s.status = 'closed';
    resolveEscalations();
    event('close', a.note, a.actor, stage.key, a.requestId);
    notify({
      dedupKey: `${s.taskId}/closure/action/closed`,
      kind: 'action',
      recipients: [...lead('handler'), ...lead('unit-head')],
      title: `【已销号】${s.title}`,
      body: `任务 ${s.taskCode} 已销号。`,
    });
  });
  handle('comment', (a) => {
    event('comment', a.text, a.actor, s.currentStageKey ?? undefined, a.requestId);
  });

  // ---- rectification ledger (整改台账): one child workflow per problem ------------------------
  handle('addProblem', async (a) => {
    // Entered before the first await, so a concurrent update with the same problemId is refused.
    const entry: ProblemEntry = {
      problemId: a.problemId,
      title: a.title,
      workflowId: problemWorkflowId(s.planId, s.taskCode, a.problemId),
      dueAt: '',
      status: 'open',
      added: record(a.actor, a.note),
      closedAt: null,
    };
    s.problems.push(entry);
    try {
      entry.dueAt = await calendar.resolveDueInstant({ date: a.dueDate, calendarRevision: s.calendarRevision });
      // ABANDON: the problem lives on when this task continues-as-new; it reports back by signal
      // to this workflow id (whatever run is current), not through a child result.
      await startChild(taskLifecycleWorkflow, {
        workflowId: entry.workflowId,
        args: [problemTaskInput(s, a, entry.dueAt)],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      s.problems = s.problems.filter((p) => p !== entry);
      throw ApplicationFailure.nonRetryable(
        `问题 ${a.problemId} 无法登记 / Problem ${a.problemId} could not be added: ${(error as Error).message}`,
        'INVALID_STATE',
      );
    }
    event('add-problem', `${a.problemId}：${a.title}（期限 ${a.dueDate}）`, a.actor, undefined, a.requestId);
  });

  setHandler(problemClosedSignal, ({ problemId, status }) => {
    const problem = s.problems.find((p) => p.problemId === problemId);
    if (!problem || problem.status !== 'open') return; // a repeated signal changes nothing
    problem.status = status;
    problem.closedAt = nowIso();
    event(status === 'closed' ? 'problem-closed' : 'problem-cancelled', `${problemId}：${problem.title}`);
    changed();
    changes += 1;
    void project();
  });

  // ---- calendar changes (a holiday notice entered): reachable only through this new signal -----
  setHandler(calendarChangedSignal, (change) => {
    if (!change || !Array.isArray(change.years) || typeof change.revision !== 'number') return;
    if (change.revision <= (s.calendarRevision ?? 0)) return; // already applied
    calendarChange = {
      years: [...new Set([...(calendarChange?.years ?? []), ...change.years])],
      revision: Math.max(change.revision, calendarChange?.revision ?? 0),
    };
    changes += 1;
  });

  /**
   * Resolves the due dates of the stages still to finish on the new calendar, records the dates
   * that moved, and asks for the current stage's timers to be planned again on the same schedule
   * (what was sent stays sent; pending reminders move to the new workdays).
   */
  const applyCalendarChange = async (change: CalendarChange) => {
    s.calendarRevision = change.revision;
    const moved: string[] = [];
    for (const st of s.stages) {
      if (!st.dueAt || st.closure || st.status === 'approved' || st.status === 'closed') continue;
      const date = st.dueDate ?? shanghaiDate(st.dueAt);
      const touched = change.years.includes(Number(date.slice(0, 4))) || st.key === s.currentStageKey;
      if (!touched) continue;
      try {
        const at = await calendar.resolveDueInstant({ date, calendarRevision: change.revision });
        if (at !== st.dueAt) {
          moved.push(`${st.name}：${shanghaiDate(st.dueAt)} → ${shanghaiDate(at)}`);
          st.dueAt = at;
        }
      } catch (error) {
        event('timers-unplanned', `${st.name}：${failureMessage(error)}`, undefined, st.key);
      }
    }
    event('calendar-changed', `节假日安排更新，期限重新计算${moved.length ? `：${moved.join('；')}` : '（期限未变）'}`);
    replanRequested = true;
    changed();
  };

  // ---- timers --------------------------------------------------------------------------------
  const planTimers = async (stage: StageState) => {
    let plan: Awaited<ReturnType<CalendarActivities['planStageTimers']>>;
    try {
      plan = await calendar.planStageTimers({
        dueAt: stage.dueAt!,
        policy: s.policy,
        calendarRevision: s.calendarRevision,
      });
    } catch (error) {
      // The calendar refused for good (transient failures retry inside the activity): the stage
      // keeps its deadline and light but has no reminders until a calendar change re-plans it.
      stage.plannedRevision = stage.dueRevision;
      for (const t of [...stage.reminders, ...stage.ladder]) if (t.state === 'pending') t.state = 'skipped';
      event('timers-unplanned', `${stage.name}：${failureMessage(error)}`, undefined, stage.key);
      changed();
      return;
    }
    // Late reminders are skipped, late escalations still raised; what already fired stays fired.
    Object.assign(stage, applyTimerPlan(stage, plan, Date.now()));
    stage.yellowFrom = plan.yellowFrom;
    stage.plannedRevision = stage.dueRevision;
    changed();
  };

  type Due = { at: number; fire: () => void };
  const nextTimer = (stage: StageState): Due | null => {
    const candidates: Due[] = [];
    for (const r of stage.reminders) {
      if (r.state === 'pending') candidates.push({ at: Date.parse(r.at), fire: () => sendReminder(stage, r) });
    }
    for (const e of stage.ladder) {
      if (e.state === 'pending') candidates.push({ at: Date.parse(e.at), fire: () => raiseEscalation(stage, e) });
    }
    // Light changes (green → yellow → red) have no event of their own but must reach the ledger.
    for (const edge of [stage.yellowFrom, stage.dueAt]) {
      const at = edge ? Date.parse(edge) + (edge === stage.dueAt ? 1 : 0) : NaN;
      if (!isNaN(at) && at > Date.now()) candidates.push({ at, fire: () => changed() });
    }
    candidates.sort((a, b) => a.at - b.at);
    return candidates[0] ?? null;
  };

  const sendReminder = (stage: StageState, r: StageState['reminders'][number]) => {
    r.state = 'fired';
    const when = r.offsetWorkdays === 0 ? '今天到期' : `还有 ${r.offsetWorkdays} 个工作日到期`;
    event('reminder', `${stage.name}：${when}`, undefined, stage.key);
    notify({
      dedupKey: `${s.taskId}/${stage.key}/reminder/${r.offsetWorkdays}/r${stage.dueRevision}`,
      kind: 'reminder',
      level: r.offsetWorkdays,
      recipients: [...lead('handler'), ...lead('unit-head')],
      title: `【催办】${s.title}`,
      body: `任务 ${s.taskCode}「${s.title}」的“${stage.name}”${when}（期限 ${stage.dueAt}）。`,
    });
    changed();
  };

  const raiseEscalation = (stage: StageState, e: StageState['ladder'][number]) => {
    e.state = 'fired';
    stage.escalationLevel = Math.max(stage.escalationLevel, e.level);
    s.escalations.push({
      stageKey: stage.key,
      level: e.level,
      to: e.to,
      unitCode: s.leadUnit,
      raisedAt: nowIso(),
      resolvedAt: null,
    });
    event('escalation', `${stage.name}：${e.level}级督办（${e.to}）`, undefined, stage.key);
    notify({
      dedupKey: `${s.taskId}/${stage.key}/escalation/${e.level}/r${stage.dueRevision}`,
      kind: 'escalation',
      level: e.level,
      recipients: escalationRecipients(e.to, s.leadUnit),
      title: `【督办·${['一', '二', '三', '四', '五'][e.level - 1] ?? e.level}级】${s.title}`,
      body: `任务 ${s.taskCode}「${s.title}」的“${stage.name}”已逾期（期限 ${stage.dueAt}），请督促办理。`,
    });
    changed();
  };

  // ---- main loop -----------------------------------------------------------------------------
  refreshDerived();
  await project();

  while (s.status !== 'closed' && s.status !== 'cancelled') {
    if (
      !replanRequested &&
      !calendarChange &&
      (workflowInfo().historyLength > (input.limits?.historyEvents ?? HISTORY_EVENT_LIMIT) ||
        workflowInfo().continueAsNewSuggested)
    ) {
      // Update handlers must finish in this run: their callers wait for the answer.
      await condition(allHandlersFinished);
      await projecting;
      // A notification scheduled in the task that continues as new would never run: the server
      // drops the activities of a closed run. Local projections made this the common case.
      if (patched('notify-before-continue-as-new')) await Promise.allSettled(pendingNotifications.splice(0));
      await continueAsNew<typeof taskLifecycleWorkflow>(input, { state: s, processed: [...processed], projectedSeq });
    }
    if (calendarChange) {
      const change = calendarChange;
      calendarChange = null;
      await applyCalendarChange(change);
      await project();
      continue;
    }
    const seen = changes;
    if (s.status === 'suspended') {
      await condition(() => changes !== seen);
      continue;
    }
    const stage = currentStage(s);
    if (!stage) break;
    const needsTimers = stage.dueAt && !stage.closure && stage.status !== 'approved';
    if (!needsTimers) replanRequested = false;
    if (needsTimers && (stage.plannedRevision !== stage.dueRevision || replanRequested)) {
      replanRequested = false;
      await planTimers(stage);
      await project();
      continue;
    }
    const next = needsTimers ? nextTimer(stage) : null;
    if (!next) {
      await condition(() => changes !== seen);
      continue;
    }
    const interrupted = await condition(() => changes !== seen, Math.max(0, next.at - Date.now()));
    if (interrupted) continue;
    next.fire();
    await project();
  }

  // A problem of a rectification ledger tells its task, which may then be closed.
  if (input.parent) {
    try {
      await getExternalWorkflowHandle(input.parent.workflowId).signal(problemClosedSignal, {
        problemId: input.parent.problemId,
        status: s.status === 'closed' ? 'closed' : 'cancelled',
      });
    } catch {
      // The task itself has ended (e.g. cancelled): nobody is left to tell.
      event('parent-gone', input.parent.workflowId);
    }
  }

  // Stay a while after 销号/撤销: a client retrying the last request gets its first answer instead
  // of "workflow completed", and the last update's result is delivered before the run ends (the
  // time-skipping test server loses an update that completes in the run's final workflow task).
  if (patched('grace-after-end')) {
    await condition(allHandlersFinished);
    await sleep(GRACE_AFTER_END);
  }

  // Let notifications of the last actions go out (bounded: channels retry for at most a day).
  await Promise.race([Promise.allSettled(pendingNotifications), sleep('25h')]);
  await projecting;
  return { ...s };
}

/** The failure itself, or what an activity failure wraps. */
function rootOf(error: unknown): { message?: string; type?: unknown } {
  const e = error as { message?: string; type?: unknown; cause?: { message?: string; type?: unknown } };
  return e && !(e instanceof ApplicationFailure) && e.cause ? e.cause : (e ?? {});
}

/** The message of an activity or other failure, as the update's caller should read it. */
function failureMessage(error: unknown): string {
  return rootOf(error).message || String(error);
}

/**
 * The rejection type an update fails with: a validator's own type as it is, a calendar refusal as
 * bad input (the date cannot be served), anything else as internal.
 */
function failureType(error: unknown): string {
  const type = rootOf(error).type;
  if (typeof type !== 'string') return 'INTERNAL';
  return type.startsWith('CALENDAR') ? 'BAD_INPUT' : type;
}

function escalationRecipients(to: EscalationTarget, leadUnit: string) {
  if (to === 'supervisor') return [{ unitCode: '*', role: 'supervisor' }];
  return [{ unitCode: leadUnit, role: to }];
}

// The workflow keeps the shape its contract promises the API and the tests.
const _conformsToContract: TaskLifecycleWorkflow = taskLifecycleWorkflow;
