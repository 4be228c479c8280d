import { defaultWorkdayCalendar } from '@duban/domain/calendar/workdays';
import { buildTaskInput } from '@duban/domain/task/task-input';
import { getStateQuery, TaskLifecycleWorkflow, taskUpdate } from '@duban/domain/task/task-messages';
import { TASK_WORKFLOW_TYPE } from '@duban/domain/task/task-types';
import { maybeRecordHistory } from '../support/record-history';
import { recordingActivities } from '../support/recording-activities';
import { actors } from '../support/task-fixtures';
import { testWorker, timeSkippingSuite } from '../support/workflow-test-kit';

jest.setTimeout(120_000);

const TASK_QUEUE = 'wf-progress';
// Monday 4 January 2027, 10:00 Beijing time.
const suite = timeSkippingSuite('2027-01-04T02:00:00Z');

/** 50 rural sewage facilities by the end of 2027, as an import builds it (序时进度 on by default). */
function sewageTask() {
  return buildTaskInput(
    {
      code: '2.3',
      title: '新建农村生活污水处理设施50座',
      body: '新建农村生活污水处理设施50座，年底前完成。',
      deadline: { kind: 'date', date: '2027-12-31', defaulted: false, raw: '年底前' },
      children: [],
      source: { line: 1 },
      kind: 'quantitative',
    },
    {
      planId: 'wf-test',
      planYear: 2027,
      leadUnit: 'water-air',
      cooperatingUnits: [],
      override: { targetQuantity: 50 },
      calendar: defaultWorkdayCalendar(),
    },
  );
}

describe('序时进度 in the task workflow', () => {
  it('turns a quantitative task yellow, then red, as it falls behind with nothing reported; a report brings it back', async () => {
    const rec = recordingActivities();
    const worker = await testWorker(suite.env, TASK_QUEUE, suite.bundle, rec.activities);
    await worker.runUntil(async () => {
      const input = sewageTask();
      expect(input.policy.progress).toMatchObject({ curve: { kind: 'linear' }, yellowGap: 10, redGap: 30 });
      const task = await suite.env.client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId: 'wf-test/2.3',
        args: [input],
      });
      const state = () => task.query(getStateQuery);
      expect((await state()).trafficLight).toBe('green');

      // The work plan (工作方案) is done and approved in time: only the count is behind.
      const plan = (await state()).stages[0];
      let n = 0;
      const act = (update: 'submit' | 'approve', args: object) =>
        task.executeUpdate(taskUpdate(update), { args: [{ requestId: `r-${++n}`, ...args } as never] });
      await act('submit', { actor: actors.waterHandler, note: '实施方案已印发', quantity: 0 });
      await act('approve', { actor: actors.waterHead });
      expect((await state()).currentStageKey).not.toBe(plan.key);

      // By Monday 8 February (about 10% of the year gone) nothing built: the weekly check turns it yellow.
      await suite.env.sleep('35 days');
      const yellow = await state();
      expect(yellow.progress).toMatchObject({ basis: 'quantity', actual: 0, light: 'yellow' });
      expect(yellow.trafficLight).toBe('yellow');
      // By May, more than 30 points behind: red, though no deadline has passed.
      await suite.env.sleep('90 days');
      const red = await state();
      expect(red.progress).toMatchObject({ actual: 0, light: 'red' });
      expect(red.progress!.gap).toBeGreaterThan(30);
      expect(red.trafficLight).toBe('red');
      // The ledger heard of each turn: a projection carried yellow, then red.
      const lights = rec.projections.map((p) => p.trafficLight);
      expect(lights.indexOf('yellow')).toBeGreaterThan(-1);
      expect(lights.lastIndexOf('red')).toBeGreaterThan(lights.indexOf('yellow'));
      // The weekly checks send nothing: no reminder or escalation came of them.
      expect(rec.notifications.filter((x) => x.kind === 'reminder' || x.kind === 'escalation')).toEqual([]);

      // The handler reports 20 built at the current stage: 40% done of the ~36% expected.
      await act('submit', { actor: actors.waterHandler, note: '已建成20座', quantity: 20 });
      const caught = await state();
      expect(caught.progress).toMatchObject({ actual: 40, light: 'green' });
      expect(caught.trafficLight).toBe('green');
      await maybeRecordHistory(task, 'expected-progress-quantitative');
      await task.terminate('test over');
    });
  });
});
