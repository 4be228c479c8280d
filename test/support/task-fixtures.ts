import { ActorRef } from '@duban/domain/access/actor';
import { DEFAULT_POLICY, StageSpec, TaskWorkflowInput } from '@duban/domain/task/task-types';

export const actors = {
  waterHandler: { userId: 'u-water-handler', role: 'handler', unitCode: 'water-air' } as ActorRef,
  waterHandler2: { userId: 'u-water-handler-2', role: 'handler', unitCode: 'water-air' } as ActorRef,
  waterHead: { userId: 'u-water-head', role: 'unit-head', unitCode: 'water-air' } as ActorRef,
  ecologyHead: { userId: 'u-ecology-head', role: 'unit-head', unitCode: 'ecology' } as ActorRef,
  monitoringHandler: { userId: 'u-mon-handler', role: 'handler', unitCode: 'monitoring' } as ActorRef,
  monitoringHead: { userId: 'u-mon-head', role: 'unit-head', unitCode: 'monitoring' } as ActorRef,
  deputyA: {
    userId: 'u-deputy-a',
    role: 'deputy-director',
    unitCode: null,
    deputyUnits: ['water-air', 'monitoring'],
  } as ActorRef,
  supervisor: { userId: 'u-supervisor', role: 'supervisor', unitCode: null } as ActorRef,
};

const stage = (key: string, name: string, dueAt: string | null, extra: Partial<StageSpec> = {}): StageSpec => ({
  key,
  name,
  ownerUnit: 'water-air',
  dueAt,
  requiresEvidence: false,
  requiresCooperation: false,
  closure: false,
  ...extra,
});

/** One working stage due 2021-10-08 (first workday after the National Day week), then closure. */
export function dueOctober8(taskCode = '3.1.1'): TaskWorkflowInput {
  return {
    planId: 'wf-test',
    taskCode,
    title: '加强蓝天保卫战组织协调',
    kind: 'annual',
    leadUnit: 'water-air',
    cooperatingUnits: [],
    stages: [
      stage('done', '完成', '2021-10-08T09:30:00.000Z'),
      stage('closure', '销号', null, { closure: true, ownerUnit: '*' }),
    ],
    policy: DEFAULT_POLICY,
  };
}

/** A rectification task (整改): one implementation stage due 2021-10-08, then 销号. */
export function rectificationTask(taskCode = '5.1'): TaskWorkflowInput {
  return {
    ...dueOctober8(taskCode),
    title: '中央环保督察反馈问题整改',
    kind: 'rectification',
    stages: [
      stage('rectify-implement', '整改实施', '2021-10-08T09:30:00.000Z', { requiresEvidence: true }),
      stage('closure', '销号', null, { closure: true, ownerUnit: '*' }),
    ],
  };
}
