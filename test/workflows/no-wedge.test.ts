import { ApplicationFailure } from '@temporalio/activity';
import { Worker } from '@temporalio/worker';
import { CALENDAR_REFUSED } from '../../activities/calendar/calendar-activities';
import { PROJECTION_REFUSED } from '../../activities/projection/projection-activities';
import { TaskActivities } from '@duban/domain/task/task-activities';
import { TASK_WORKFLOW_TYPE, taskWorkflowId } from '@duban/domain/task/task-types';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors, dueOctober8 } from '../support/task-fixtures';
import { updateRejection, timeSkippingSuite } from '../support/workflow-test-kit';
import { getStateQuery, TaskLifecycleWorkflow, taskUpdates } from '@duban/domain/task/task-messages';

/**
 * Issue 13: nothing a task is given can wedge it. An update with unstorable text is refused by the
 * validator even when it bypasses the API; a projection the database refuses for good, or a
 * calendar that cannot answer, is recorded and the workflow goes on answering and firing timers.
 */
jest.setTimeout(120_000);

const TASK_QUEUE = 'wf-no-wedge';
const suite = timeSkippingSuite('2021-09-01T00:00:00Z');

const worker = (activities: TaskActivities) =>
  Worker.create({
    connection: suite.env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: suite.bundle,
    activities,
  });

let requests = 0;
const rid = () => `r-${++requests}`;

function start(code: string) {
  const input = dueOctober8(code);
  return suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
    taskQueue: TASK_QUEUE,
    workflowId: taskWorkflowId(input.planId, input.taskCode),
    args: [input],
  });
}

describe('a task that cannot be wedged (time-skipping server)', () => {
  it('refuses unstorable text in the update validator, even from a client that bypasses the API', async () => {
    const rec = recordingActivities();
    await (
      await worker(rec.activities)
    ).runUntil(async () => {
      const handle = await start('9.1');
      for (const text of ['a\u0000b', '\ud800', 'x\u001by']) {
        const type = await updateRejection(
          handle.executeUpdate(taskUpdates.comment, { args: [{ requestId: rid(), actor: actors.waterHandler, text }] }),
        );
        expect(type).toBe('BAD_INPUT');
      }
      const ok = await handle.executeUpdate(taskUpdates.comment, {
        args: [{ requestId: rid(), actor: actors.waterHandler, text: '正常评论' }],
      });
      expect(ok.events.filter((e) => e.action === 'comment').map((e) => e.detail)).toEqual(['正常评论']);
    });
  });

  it('goes on answering updates and firing timers when the database refuses a projection for good', async () => {
    const rec = recordingActivities();
    let refused = 0;
    const activities: TaskActivities = {
      ...rec.activities,
      async projectTaskState(snapshot) {
        // Every projection of a state holding this comment is refused, as PostgreSQL refuses 22P05.
        if (snapshot.events.some((e) => e.detail === 'refused-by-db')) {
          refused++;
          throw ApplicationFailure.nonRetryable('22P05: unsupported Unicode escape sequence', PROJECTION_REFUSED);
        }
        return rec.activities.projectTaskState(snapshot);
      },
    };
    await (
      await worker(activities)
    ).runUntil(async () => {
      const handle = await start('9.2');
      const started = Date.now();
      const answered = await handle.executeUpdate(taskUpdates.comment, {
        args: [{ requestId: rid(), actor: actors.waterHandler, text: 'refused-by-db' }],
      });
      expect(answered.events.some((e) => e.detail === 'refused-by-db')).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
      const submit = await handle.executeUpdate(taskUpdates.submit, {
        args: [{ requestId: rid(), actor: actors.waterHandler, note: '已完成' }],
      });
      expect(submit.stages[0].status).toBe('submitted');
      // The reminders and escalations still fire past the due date.
      await suite.env.sleep('40 days');
      const s = await handle.query(getStateQuery);
      expect(s.events.filter((e) => e.action === 'reminder').length).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
      expect(rec.notifications.some((n) => n.kind === 'reminder')).toBe(true);
      await maybeRecordHistory(handle, 'projection-refused-goes-on');
    });
  });

  it('records a calendar refusal for a stage and keeps the task answering; a failed extension decision changes nothing', async () => {
    const rec = recordingActivities();
    const activities: TaskActivities = {
      ...rec.activities,
      async resolveDueInstant({ date }) {
        if (date.startsWith('2030')) throw ApplicationFailure.nonRetryable(`no calendar for ${date}`, CALENDAR_REFUSED);
        return rec.activities.resolveDueInstant({ date });
      },
    };
    await (
      await worker(activities)
    ).runUntil(async () => {
      const handle = await start('9.3');
      await handle.executeUpdate(taskUpdates.requestExtension, {
        args: [{ requestId: rid(), actor: actors.waterHandler, newDueDate: '2030-01-31', reason: '等待数据' }],
      });
      const started = Date.now();
      const type = await updateRejection(
        handle.executeUpdate(taskUpdates.decideExtension, {
          args: [{ requestId: rid(), actor: actors.deputyA, approve: true }],
        }),
      );
      expect(type).toBe('BAD_INPUT');
      expect(Date.now() - started).toBeLessThan(5000);
      const s = await handle.query(getStateQuery);
      expect(s.pendingExtension?.newDueDate).toBe('2030-01-31');
      expect(s.stages[0].dueAt).toBe('2021-10-08T09:30:00.000Z');
      // Refused, the deputy may still decide it the other way.
      const refusedDecision = await handle.executeUpdate(taskUpdates.decideExtension, {
        args: [{ requestId: rid(), actor: actors.deputyA, approve: false, note: '不予延期' }],
      });
      expect(refusedDecision.pendingExtension).toBeNull();
    });
  });

  it('plans no timers for a stage the calendar cannot serve, says so, and keeps answering', async () => {
    const rec = recordingActivities();
    const activities: TaskActivities = {
      ...rec.activities,
      async planStageTimers() {
        throw ApplicationFailure.nonRetryable('工作日历没有 2031 年的节假日数据', CALENDAR_REFUSED);
      },
    };
    await (
      await worker(activities)
    ).runUntil(async () => {
      const handle = await start('9.4');
      await suite.env.sleep('1 day');
      const s = await handle.query(getStateQuery);
      expect(s.events.map((e) => e.action)).toContain('timers-unplanned');
      expect(s.stages[0].reminders.every((r) => r.state !== 'pending')).toBe(true);
      const ok = await handle.executeUpdate(taskUpdates.comment, {
        args: [{ requestId: rid(), actor: actors.supervisor, text: '请尽快录入日历' }],
      });
      expect(ok.status).toBe('active');
    });
  });
});
