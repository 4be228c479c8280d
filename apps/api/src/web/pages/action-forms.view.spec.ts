import { ACTION_LABELS, actionForm } from './action-forms.view';
import { PageAction } from '../view-model/available-actions';

const ctx = { taskId: 'p/2.1', csrf: 't', back: '/ui/tasks/p/2.1', units: [{ code: 'ecology', name: '生态股' }] };

/** The visible name of each text box of a form: its label's own text, before the box. */
const textBoxNames = (action: PageAction) =>
  [...String(actionForm(action, ctx)).matchAll(/<label>\s*([^<]*?)\s*<textarea/g)].map((m) => m[1]);

describe('action forms', () => {
  it('name every text box after its action, so two forms on one page never share a name', () => {
    const actions = Object.keys(ACTION_LABELS) as PageAction[];
    const names = actions.flatMap(textBoxNames);
    expect(names.length).toBeGreaterThanOrEqual(actions.length - 1);
    expect(new Set(names).size).toBe(names.length);
    expect(textBoxNames('suspend')).toEqual(['暂停理由']);
    expect(textBoxNames('cancel')).toEqual(['撤销理由']);
    expect(textBoxNames('close')).toEqual(['销号意见']);
  });
});
