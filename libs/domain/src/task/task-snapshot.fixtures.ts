// Builders for rule and view-model specs: the actors of one 水气股 task, a stage in its initial
// state (as initial-task-state.ts creates it) and a task snapshot, with overrides. Test support only.
import { ActorRef } from '../access/actor';
import { initialStageState } from './initial-stage-state';
import { closureStageSpec } from './closure-stage';
import { DEFAULT_POLICY, StageState, TaskSnapshot, TaskWorkflowInput } from './task-types';

export const head: ActorRef = { userId: 'u-head', role: 'unit-head', unitCode: 'water-air' };
export const otherHead: ActorRef = { userId: 'u-eco', role: 'unit-head', unitCode: 'ecology' };
export const handler: ActorRef = { userId: 'u-h', role: 'handler', unitCode: 'water-air' };
export const supervisor: ActorRef = { userId: 'u-s', role: 'supervisor', unitCode: null };
export const deputy: ActorRef = { userId: 'u-d', role: 'deputy-director', unitCode: null, deputyUnits: ['water-air'] };

export const stage = (key: string, over: Partial<StageState> = {}): StageState => ({
  ...initialStageState(
    {
      key,
      name: key,
      ownerUnit: 'water-air',
      dueAt: '2021-10-08T09:30:00.000Z',
      requiresEvidence: false,
      requiresCooperation: false,
      closure: false,
    },
    'pending',
  ),
  ...over,
});

/** An active 水气股 task `p/1` at version 3, by default on an open stage `work` before its closure. */
export const taskSnapshot = (over: Partial<TaskSnapshot> = {}): TaskSnapshot => ({
  taskId: 'p/1',
  planId: 'p',
  taskCode: '1',
  title: 't',
  kind: 'annual',
  version: 3,
  status: 'active',
  leadUnit: 'water-air',
  cooperatingUnits: [],
  currentStageKey: 'work',
  stages: [stage('work', { status: 'open' }), stage('closure', { closure: true, dueAt: null })],
  escalations: [],
  pendingExtension: null,
  trafficLight: 'green',
  nextDueAt: null,
  events: [],
  policy: DEFAULT_POLICY,
  problems: [],
  ...over,
});

/**
 * A 交办件 handed to 水气股 with two workdays for 签收 and its 办理 due Friday 19 March 2027, 17:30
 * (the 签收 specs of the machine and of the workflow).
 */
export function assignedItemInput(over: Partial<TaskWorkflowInput> = {}): TaskWorkflowInput {
  return {
    planId: 'xj-2027',
    taskCode: '4.1',
    title: '督办件：中心城区餐饮油烟整治',
    kind: 'assigned',
    leadUnit: 'water-air',
    cooperatingUnits: [],
    stages: [
      {
        key: 'handle',
        name: '办理',
        ownerUnit: 'water-air',
        dueAt: '2027-03-19T09:30:00.000Z',
        dueDate: '2027-03-19',
        requiresEvidence: false,
        requiresCooperation: false,
        closure: false,
      },
      closureStageSpec(),
    ],
    policy: { ...DEFAULT_POLICY, receiptWorkdays: 2 },
    ...over,
  };
}
