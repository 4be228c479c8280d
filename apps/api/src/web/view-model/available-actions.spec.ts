import { StageState, TaskSnapshot } from '@duban/domain/task/task-types';
import { availableActions } from './available-actions';
import {
  deputy,
  handler,
  head,
  otherHead,
  stage,
  supervisor,
  taskSnapshot,
} from '@duban/domain/task/task-snapshot.fixtures';

const snapshot = (current: Partial<StageState>, over: Partial<TaskSnapshot> = {}): TaskSnapshot =>
  taskSnapshot({ stages: [stage('work', current), stage('closure', { closure: true, dueAt: null })], ...over });

const submitted = snapshot({
  status: 'submitted',
  submission: { by: 'u-h', role: 'handler', unit: 'water-air', at: '2021-10-01T00:00:00Z', evidenceIds: [] },
});

describe('availableActions', () => {
  it('offers approve and return to the lead unit head of a submitted stage only', () => {
    expect(availableActions(head, submitted)).toEqual(['approve', 'returnStage', 'requestExtension', 'comment']);
    expect(availableActions(otherHead, submitted)).not.toContain('approve');
    expect(availableActions(handler, submitted)).toEqual(['requestExtension', 'comment']);
  });

  it('offers submit to the lead handler of an open stage, also when evidence is still to be attached', () => {
    const open = snapshot({ status: 'open', requiresEvidence: true });
    expect(availableActions(handler, open)).toContain('submit');
    expect(availableActions(head, open)).not.toContain('submit');
  });

  it('gives supervisors their own actions and deputies the extension decision', () => {
    const pending = snapshot(
      { status: 'open' },
      {
        pendingExtension: {
          stageKey: 'work',
          newDueDate: '2021-11-01',
          reason: 'r',
          requested: { by: 'u-h', role: 'handler', unit: 'water-air', at: '2021-10-01T00:00:00Z' },
        },
      },
    );
    expect(availableActions(deputy, pending)).toEqual(['decideExtension', 'comment']);
    expect(availableActions(supervisor, pending)).toEqual(['reassign', 'suspend', 'cancel', 'comment']);
  });

  it('offers nothing on a closed task and nothing without a snapshot', () => {
    expect(availableActions(head, snapshot({ status: 'approved' }, { status: 'closed' }))).toEqual([]);
    expect(availableActions(head, null)).toEqual([]);
  });
});
