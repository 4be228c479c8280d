import { Worker } from '@temporalio/worker';
import { ActorRef } from '@duban/domain/access/actor';
import { TASK_WORKFLOW_TYPE, TaskWorkflowInput, taskWorkflowId } from '@duban/domain/task/task-types';
import { getStateQuery, TaskLifecycleWorkflow, taskUpdates } from '@duban/domain/task/task-messages';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors } from '../support/task-fixtures';
import { assignedItemInput } from '@duban/domain/task/task-snapshot.fixtures';
import { timeSkippingSuite, toSecond, updateRejection } from '../support/workflow-test-kit';

jest.setTimeout(120_000);

/**
 * 签收 on the time-skipping server: an item handed to a unit on Monday 1 March 2027, 10:00 Beijing,
 * with two workdays to acknowledge (due Wednesday 17:30) and its 办理 due Friday 19 March.
 */
const TASK_QUEUE = 'wf-receipt';
const suite = timeSkippingSuite('2027-03-01T02:00:00Z');
const ecologyHandler: ActorRef = { userId: 'u-ecology-handler', role: 'handler', unitCode: 'ecology' };

const assignedItem = (taskCode: string) => assignedItemInput({ planId: 'wf-receipt', taskCode });

async function run(body: (rec: ReturnType<typeof recordingActivities>) => Promise<void>) {
  const rec = recordingActivities();
  const worker = await Worker.create({
    connection: suite.env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: suite.bundle,
    activities: rec.activities,
  });
  await worker.runUntil(() => body(rec));
}

function start(input: TaskWorkflowInput) {
  return suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
    taskQueue: TASK_QUEUE,
    workflowId: taskWorkflowId(input.planId, input.taskCode),
    args: [input],
  });
}

let n = 0;
const req = (actor: ActorRef) => ({ requestId: `receipt-${++n}`, actor });

describe('签收 (time-skipping server)', () => {
  it('an unacknowledged item is reminded, then escalated; 签收 ends the ladder and starts the work’s clock', async () => {
    await run(async (rec) => {
      const handle = await start(assignedItem('1'));
      await suite.env.sleep('7 days'); // Monday 8 March, 10:00
      let s = await handle.query(getStateQuery);
      expect(s.receipt).toMatchObject({ status: 'open', dueAt: '2027-03-03T09:30:00.000Z', ownerUnit: 'water-air' });
      const receiptEvents = (action: string) =>
        s.events.filter((e) => e.action === action && e.stageKey === 'receipt').map((e) => toSecond(e.at));
      expect(receiptEvents('reminder')).toEqual(['2027-03-02T01:00:00Z', '2027-03-03T01:00:00Z']);
      expect(receiptEvents('escalation')).toEqual(['2027-03-04T01:00:00Z', '2027-03-08T01:00:00Z']);
      expect(s.escalations.map((e) => [e.stageKey, e.level, e.to, e.resolvedAt])).toEqual([
        ['receipt', 1, 'unit-head', null],
        ['receipt', 2, 'deputy-director', null],
      ]);
      expect(rec.notifications.filter((x) => x.kind === 'escalation').map((x) => x.recipients)).toEqual([
        [{ unitCode: 'water-air', role: 'unit-head' }],
        [{ unitCode: 'water-air', role: 'deputy-director' }],
      ]);
      // The work waits for 签收: the handler cannot submit yet.
      expect(
        await updateRejection(
          handle.executeUpdate(taskUpdates.submit, { args: [{ ...req(actors.waterHandler), note: '已办' }] }),
        ),
      ).toBe('INVALID_STATE');

      s = await handle.executeUpdate(taskUpdates.acknowledge, { args: [{ ...req(actors.waterHead), note: '已安排' }] });
      expect(s.receipt).toMatchObject({ status: 'approved', approval: { by: actors.waterHead.userId } });
      expect(s.escalations.every((e) => e.resolvedAt)).toBe(true);
      expect(s.events.find((e) => e.action === 'acknowledge')?.detail).toMatch(/^用时7天：已安排$/);

      await suite.env.sleep('11 days'); // Friday 19 March, 10:00: the 办理 stage's own reminders ran
      s = await handle.query(getStateQuery);
      expect(
        s.events.filter((e) => e.action === 'reminder' && e.stageKey === 'handle').map((e) => toSecond(e.at)),
      ).toEqual(['2027-03-12T01:00:00Z', '2027-03-16T01:00:00Z', '2027-03-18T01:00:00Z', '2027-03-19T01:00:00Z']);
      // The receipt's third rung (10 March) never came: it was acknowledged before.
      expect(s.events.filter((e) => e.action === 'escalation').length).toBe(2);
      await maybeRecordHistory(handle, 'receipt-escalated-then-acknowledged');
      await handle.executeUpdate(taskUpdates.cancel, { args: [{ ...req(actors.supervisor), reason: '测试结束' }] });
    });
  });

  it('a decline goes back to the office; the reassignment asks the new unit, due two workdays after it', async () => {
    await run(async (rec) => {
      const handle = await start(assignedItem('2'));
      await suite.env.sleep('1 hour');
      let s = await handle.executeUpdate(taskUpdates.decline, {
        args: [{ ...req(actors.waterHead), reason: '不属于本股室职责，建议生态股牵头' }],
      });
      expect(s.receipt).toMatchObject({ status: 'returned', declined: { reason: '不属于本股室职责，建议生态股牵头' } });
      await suite.env.sleep('4 days'); // Friday 5 March, 11:00: nobody was chased meanwhile
      s = await handle.query(getStateQuery);
      expect(s.events.filter((e) => e.action === 'reminder' || e.action === 'escalation')).toEqual([]);
      expect(rec.notifications.find((x) => x.title.startsWith('【退回待改派】'))?.recipients).toEqual([
        { unitCode: '*', role: 'supervisor' },
      ]);

      await handle.executeUpdate(taskUpdates.reassign, {
        args: [{ ...req(actors.supervisor), newLeadUnit: 'ecology', reason: '属生态股职责' }],
      });
      await suite.env.sleep('1 minute');
      s = await handle.query(getStateQuery);
      expect(s.leadUnit).toBe('ecology');
      // Friday + 2 workdays = Tuesday 9 March, 17:30.
      expect(s.receipt).toMatchObject({ status: 'open', ownerUnit: 'ecology', dueAt: '2027-03-09T09:30:00.000Z' });
      expect(
        await updateRejection(handle.executeUpdate(taskUpdates.acknowledge, { args: [req(actors.waterHead)] })),
      ).toBe('FORBIDDEN_UNIT');
      await handle.executeUpdate(taskUpdates.acknowledge, { args: [req(actors.ecologyHead)] });
      s = await handle.executeUpdate(taskUpdates.submit, { args: [{ ...req(ecologyHandler), note: '已完成整治' }] });
      expect(s.stages[0].status).toBe('submitted');
      await maybeRecordHistory(handle, 'receipt-declined-reassigned');
      await handle.executeUpdate(taskUpdates.cancel, { args: [{ ...req(actors.supervisor), reason: '测试结束' }] });
    });
  });
});
