// Builders for rule and view-model specs: the actors of one 水气股 task, a stage in its initial
// state (as initial-task-state.ts creates it) and a task snapshot, with overrides. Test support only.
import { ActorRef } from '../access/actor';
import { initialStageState } from './initial-stage-state';
import { DEFAULT_POLICY, StageState, TaskSnapshot } from './task-types';

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
