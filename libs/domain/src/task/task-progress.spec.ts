import { shanghaiInstant } from '../calendar/shanghai-time';
import { DEFAULT_PROGRESS_POLICY } from '../progress/expected-progress';
import { machineHarness } from './task-machine.harness';
import { nextProgressCheck, taskProgress } from './task-progress';
import { handler, head, stage, taskSnapshot } from './task-snapshot.fixtures';
import { DEFAULT_POLICY, StageSpec, TaskSnapshot, TaskWorkflowInput } from './task-types';

const noon = (date: string) => shanghaiInstant(date, 12).getTime();
const policy = { ...DEFAULT_POLICY, progress: DEFAULT_PROGRESS_POLICY };

/** 50 rural sewage facilities in 2027: quarterly progress, done by 12-31, then 销号. */
function sewage(): TaskWorkflowInput {
  const spec = (key: string, due: string, extra: Partial<StageSpec> = {}): StageSpec => ({
    key,
    name: key,
    ownerUnit: 'water-air',
    dueAt: shanghaiInstant(due, 17, 30).toISOString(),
    requiresEvidence: false,
    requiresCooperation: false,
    closure: false,
    ...extra,
  });
  return {
    planId: 'xj-2027',
    taskCode: '2.3',
    title: '建设农村污水处理设施50座',
    kind: 'quantitative',
    leadUnit: 'water-air',
    cooperatingUnits: [],
    stages: [
      spec('progress-q2', '2027-06-30', { milestoneQuantity: 25 }),
      spec('done', '2027-12-31', { targetQuantity: 50 }),
      { ...spec('closure', '2027-12-31', { closure: true, ownerUnit: '*' }), dueAt: null },
    ],
    policy,
    progressFrom: '2027-01-01',
  };
}

describe('序时进度 of a task', () => {
  it('a quantitative task: the latest reported count against the target, over its span', () => {
    const h = machineHarness(sewage(), shanghaiInstant('2027-01-01', 8).getTime());
    h.at('2027-03-01T04:00:00Z');
    h.machine.changed();
    expect(h.s.progress).toMatchObject({ basis: 'quantity', expected: 16, actual: 0, gap: 16, light: 'yellow' });
    // Its deadline is months away, but 16 points behind: yellow.
    expect(h.s.trafficLight).toBe('yellow');
    h.at('2027-06-20T04:00:00Z');
    h.act('submit', { actor: handler, note: '已建成10座', quantity: 10 });
    expect(h.s.progress).toMatchObject({ expected: 47, actual: 20, gap: 27, light: 'yellow' });
    h.act('returnStage', { actor: head, reason: '数字有误' });
    // A returned figure does not count until it is reported again.
    expect(h.s.progress).toMatchObject({ actual: 0, light: 'red' });
    expect(h.s.trafficLight).toBe('red');
    h.act('submit', { actor: handler, note: '已建成28座', quantity: 28 });
    expect(h.s.progress).toMatchObject({ actual: 56, light: 'green' });
    expect(h.s.trafficLight).toBe('green');
  });

  it('falls behind as time passes with nothing reported: the weekly check moves the light', () => {
    const h = machineHarness(sewage(), noon('2027-01-04'));
    expect(h.s.trafficLight).toBe('green');
    const stage = h.s.stages[0];
    const next = h.machine.nextTimer(stage)!;
    expect(new Date(next.at).toISOString()).toBe('2027-01-11T01:00:00.000Z'); // Monday 09:00 Beijing
    h.at('2027-05-03T01:00:00Z');
    next.fire();
    expect(h.s.progress).toMatchObject({ expected: 33, actual: 0, light: 'red' });
    expect(h.s.trafficLight).toBe('red');
  });

  it('a task of several stages: stages due by now against those approved', () => {
    const s = taskSnapshot({
      policy,
      stages: [
        stage('plan', { status: 'approved', dueAt: '2027-03-31T09:30:00.000Z' }),
        stage('q2', { status: 'open', dueAt: '2027-06-30T09:30:00.000Z' }),
        stage('q3', { dueAt: '2027-09-30T09:30:00.000Z' }),
        stage('done', { dueAt: '2027-12-31T09:30:00.000Z' }),
        stage('closure', { closure: true, dueAt: null }),
      ],
    });
    expect(taskProgress(s, noon('2027-05-01'))).toMatchObject({ basis: 'stages', expected: 25, actual: 25, gap: 0 });
    expect(taskProgress(s, noon('2027-10-08'))).toMatchObject({ expected: 75, actual: 25, gap: 50, light: 'red' });
  });

  it('nothing to say without a policy, a measurable path, or once the task has ended', () => {
    const oneStage = taskSnapshot({ policy });
    expect(taskProgress(oneStage, noon('2027-05-01'))).toBeNull();
    const noPolicy: TaskSnapshot = { ...machineHarness(sewage(), noon('2027-05-01')).s, policy: DEFAULT_POLICY };
    expect(taskProgress(noPolicy, noon('2027-05-01'))).toBeNull();
    const closed: TaskSnapshot = { ...machineHarness(sewage(), noon('2027-05-01')).s, status: 'closed' };
    expect(taskProgress(closed, noon('2027-05-01'))).toBeNull();
    // A task started before the policy existed keeps its deadline light and no progress at all.
    const old = machineHarness({ ...sewage(), policy: DEFAULT_POLICY }, noon('2027-05-01'));
    expect(old.s.progress).toBeUndefined();
    expect(old.s.trafficLight).toBe('green');
  });

  it('expects nothing before the item reached its unit: a late assignment starts its own span', () => {
    const h = machineHarness(sewage(), noon('2027-07-01'));
    expect(h.s.progressFrom).toBe('2027-07-01');
    expect(h.s.progress).toMatchObject({ expected: 0, light: 'green' });
    h.at('2027-10-01T04:00:00Z');
    h.machine.changed();
    expect(h.s.progress).toMatchObject({ expected: 50, light: 'red' });
  });

  it('checks on Mondays at 09:00 Beijing time, the next one after now', () => {
    const iso = (t: number) => new Date(t).toISOString();
    expect(iso(nextProgressCheck(Date.parse('2027-01-10T12:00:00Z')))).toBe('2027-01-11T01:00:00.000Z'); // Sun
    expect(iso(nextProgressCheck(Date.parse('2027-01-11T00:59:00Z')))).toBe('2027-01-11T01:00:00.000Z'); // Mon 08:59
    expect(iso(nextProgressCheck(Date.parse('2027-01-11T01:00:00Z')))).toBe('2027-01-18T01:00:00.000Z'); // Mon 09:00
    expect(iso(nextProgressCheck(Date.parse('2027-01-10T16:30:00Z')))).toBe('2027-01-11T01:00:00.000Z'); // Mon 00:30 Beijing
  });
});
