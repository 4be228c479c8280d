// Builders for rule and view-model specs: the actors of one 水气股 task and a stage in its initial
// state (as workflows/task-state.ts creates it), with overrides. Test support only.
import { ActorRef } from '../access/actor';
import { StageState } from './task-types';

export const head: ActorRef = { userId: 'u-head', role: 'unit-head', unitCode: 'water-air' };
export const otherHead: ActorRef = { userId: 'u-eco', role: 'unit-head', unitCode: 'ecology' };
export const handler: ActorRef = { userId: 'u-h', role: 'handler', unitCode: 'water-air' };
export const supervisor: ActorRef = { userId: 'u-s', role: 'supervisor', unitCode: null };

export const stage = (key: string, over: Partial<StageState> = {}): StageState => ({
  key,
  name: key,
  ownerUnit: 'water-air',
  dueAt: '2021-10-08T09:30:00.000Z',
  requiresEvidence: false,
  requiresCooperation: false,
  closure: false,
  status: 'pending',
  yellowFrom: null,
  dueRevision: 0,
  submission: null,
  cooperation: {},
  returns: [],
  approval: null,
  reminders: [],
  ladder: [],
  plannedRevision: -1,
  escalationLevel: 0,
  completedAt: null,
  ...over,
});
