import { StageSpec } from './task-types';

/** The last stage of every task: 销号, decided by a supervisor ('*'), without a deadline of its own. */
export function closureStageSpec(): StageSpec {
  return {
    key: 'closure',
    name: '销号',
    ownerUnit: '*',
    dueAt: null,
    requiresEvidence: false,
    requiresCooperation: false,
    closure: true,
  };
}
