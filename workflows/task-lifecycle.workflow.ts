import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { problemTaskInput } from '../libs/domain/src/task/problem-input';
import {
  CarriedState,
  IMMEDIATE_ACTIONS,
  mergeCalendarChanges,
  TaskMachine,
} from '../libs/domain/src/task/task-machine';
import { TaskNotice } from '../libs/domain/src/task/task-notices';
import {
  CalendarChange,
  ReceiptState,
  StageState,
  TaskAction,
  TaskActionArgs,
  TaskSnapshot,
  TaskWorkflowInput,
} from '../libs/domain/src/task/task-types';
import {
  calendarChangedSignal,
  getStateQuery,
  problemClosedSignal,
  problemReopenedSignal,
  problemListedSignal,
  TaskLifecycleWorkflow,
} from '../libs/domain/src/task/task-messages';
import { deliver, taskActivities } from './task-activity-proxies';
import { setTaskUpdateHandler } from './task-update-handler';
import { failureMessage, refused } from './update-failure';

/**
 * One durable workflow per leaf task, alive for months. The rules — what each action, timer and
 * calendar change does to the task — are the pure TaskMachine; this function decides when things
 * happen (updates, timers, continue-as-new) and carries out what the machine asks: calendar
 * look-ups, projections into the read model, notifications and problem children.
 * A change to the commands an existing history issues goes behind patched() (docs/design.md,
 * "Workflow versioning"). Patch ids in use: 'resume-replans-timers', 'grace-after-end',
 * 'local-projection', 'notify-before-continue-as-new', 'extension-moves-later-stages'.
 */

const HISTORY_EVENT_LIMIT = 8000;
/** How long an ended task still answers retried requests (same request id → first answer). */
const GRACE_AFTER_END = '1 hour';

export async function taskLifecycleWorkflow(input: TaskWorkflowInput, carried?: CarriedState): Promise<TaskSnapshot> {
  // Runs started before the patch keep scheduling these on the server, as their histories say.
  const { calendar, projection } = patched('local-projection') ? taskActivities.local : taskActivities.remote;
  // Recorded before any handler exists: an update delivered with the start comes after it.
  const machine = carried ? TaskMachine.resume(carried, Date.now) : TaskMachine.start(input, Date.now);
  const s = machine.s;
  let changes = 0; // bumped by every update: the main loop re-plans its timers
  let replanRequested = false; // set by resume: the timers of the current stage are planned again
  let calendarChange: CalendarChange | null = null; // set by the calendarChanged signal
  const pendingNotifications: Promise<void>[] = [];
  let projecting: Promise<unknown> = Promise.resolve();

  /** Projections run one at a time, in version order; the projection ignores stale versions. */
  const project = (): Promise<unknown> => {
    const { snapshot, lastSeq } = machine.projection();
    projecting = projecting.then(async () => {
      try {
        await projection.projectTaskState(snapshot);
        machine.projected(lastSeq);
      } catch {
        // Refused for good (the activity marked the row 投影失败; transient errors are retried
        // inside the activity). The task goes on; the next projection carries these events again.
        machine.projectionRefused();
      }
    });
    return projecting;
  };

  const send = (notices: TaskNotice[]) => pendingNotifications.push(...deliver(machine, notices));

  setHandler(getStateQuery, () => ({ ...s }));

  const handle = <A extends TaskAction>(action: A, apply: (args: TaskActionArgs[A]) => void | Promise<void>) =>
    setTaskUpdateHandler(machine, action, apply, () => {
      changes += 1;
      return project();
    });

  for (const action of IMMEDIATE_ACTIONS) {
    handle(action, (a) => {
      send(machine.apply(action, a));
      // Timers were paused: plan them again, so reminders that fell inside the pause are skipped
      // (not sent in a burst) and fresh calendar data is used. Older runs resumed on the old plan.
      if (action === 'resume' && patched('resume-replans-timers')) replanRequested = true;
      // The work's clock waited for 签收 (only tasks started with a receipt policy get here).
      if (action === 'acknowledge') replanRequested = true;
    });
  }
  handle('decideExtension', async (a) => {
    // The new instant first: if the calendar cannot answer, the update fails and nothing changed.
    const date = machine.pendingExtension.newDueDate;
    const at = a.approve ? await calendar.resolveDueInstant({ date, calendarRevision: s.calendarRevision }) : null;
    // Later stages due before the new date move with it; older runs moved only the stage.
    send(machine.decideExtension(a, at, Boolean(at) && patched('extension-moves-later-stages')));
  });

  // ---- rectification ledger (整改台账): one child workflow per problem ------------------------
  handle('addProblem', async (a) => {
    const entry = machine.openProblem(a);
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
      machine.dropProblem(entry);
      const why = `问题 ${a.problemId} 无法登记 / Problem ${a.problemId} could not be added: ${failureMessage(error)}`;
      throw refused(why, 'INVALID_STATE');
    }
    machine.problemAdded(a);
  });

  setHandler(problemClosedSignal, ({ problemId, status }) => {
    if (!machine.problemEnded(problemId, status)) return; // a repeated signal changes nothing
    changes += 1;
    void project();
  });

  // A row a revision of an imported list added: reachable only through this new signal.
  setHandler(problemListedSignal, (p) => {
    if (!machine.problemListed(p)) return;
    changes += 1;
    void project();
  });

  // A closed problem reopened by the office (反弹回潮): reachable only through this new signal.
  setHandler(problemReopenedSignal, ({ problemId, reason }) => {
    if (!machine.problemReopened(problemId, reason)) return;
    changes += 1;
    void project();
  });

  // ---- calendar changes (a holiday notice entered): reachable only through this new signal -----
  setHandler(calendarChangedSignal, (change) => {
    if (!machine.isNewCalendar(change)) return; // malformed or already applied
    calendarChange = mergeCalendarChanges(calendarChange, change);
    changes += 1;
  });

  /** Due dates of the stages still to finish on the new calendar; then the timers again. */
  const applyCalendarChange = async (change: CalendarChange) => {
    const moved: string[] = [];
    for (const { stage, date } of machine.calendarTargets(change)) {
      try {
        const at = await calendar.resolveDueInstant({ date, calendarRevision: change.revision });
        const line = machine.dueResolved(stage, at);
        if (line) moved.push(line);
      } catch (error) {
        machine.timerProblem(stage, failureMessage(error));
      }
    }
    machine.calendarApplied(moved);
    replanRequested = true;
  };

  /** A new assignment's 签收 deadline: reachable only from tasks started with a receipt policy. */
  const scheduleReceipt = async (receipt: ReceiptState) => {
    try {
      const at = await calendar.resolveReceiptDue({
        assignedAt: receipt.assignedAt,
        workdays: s.policy.receiptWorkdays!,
        calendarRevision: s.calendarRevision,
      });
      machine.receiptScheduled(at);
    } catch (error) {
      machine.receiptScheduled(null, failureMessage(error));
    }
  };

  const planTimers = async (stage: StageState) => {
    try {
      const plan = await calendar.planStageTimers({
        dueAt: stage.dueAt!,
        policy: s.policy,
        calendarRevision: s.calendarRevision,
      });
      machine.timersPlanned(stage, plan);
    } catch (error) {
      // Transient failures retry inside the activity: this is a refusal for good.
      machine.timersUnplanned(stage, failureMessage(error));
    }
  };

  // ---- main loop -----------------------------------------------------------------------------
  await project();

  while (!machine.ended) {
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
      await continueAsNew<typeof taskLifecycleWorkflow>(input, machine.carry());
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
    const receipt = machine.receiptToSchedule();
    if (receipt) {
      await scheduleReceipt(receipt);
      await project();
      continue;
    }
    const stage = machine.clockStage();
    if (!stage) break;
    const needsTimers = machine.needsTimers(stage);
    if (!needsTimers) replanRequested = false;
    if (needsTimers && (stage.plannedRevision !== stage.dueRevision || replanRequested)) {
      replanRequested = false;
      await planTimers(stage);
      await project();
      continue;
    }
    const next = needsTimers ? machine.nextTimer(stage) : null;
    if (!next) {
      await condition(() => changes !== seen);
      continue;
    }
    const interrupted = await condition(() => changes !== seen, Math.max(0, next.at - Date.now()));
    if (interrupted) continue;
    send(next.fire());
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
      machine.parentGone(input.parent.workflowId); // the task itself has ended: nobody is left to tell
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

// The workflow keeps the shape its contract promises the API and the tests.
const _conformsToContract: TaskLifecycleWorkflow = taskLifecycleWorkflow;
