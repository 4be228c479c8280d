// Builders for rule and view-model specs: the actors of one 水气股 task and a stage in its initial
// state (as initial-task-state.ts creates it), with overrides. Test support only.
import { ActorRef } from '../access/actor';
import { initialStageState } from './initial-stage-state';
import { StageState } from './task-types';

export const head: ActorRef = { userId: 'u-head', role: 'unit-head', unitCode: 'water-air' };
export const otherHead: ActorRef = { userId: 'u-eco', role: 'unit-head', unitCode: 'ecology' };
export const handler: ActorRef = { userId: 'u-h', role: 'handler', unitCode: 'water-air' };
export const supervisor: ActorRef = { userId: 'u-s', role: 'supervisor', unitCode: null };

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
