import { BadInputError } from '@duban/domain/errors/domain-error';
import { FormRefusal, formRefusal } from '../layout/form-refusal';
import { ACTION_LABELS, actionForm, actionFormControls, CONTROL_OF_FIELD } from './action-forms.view';
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

describe('a refused form', () => {
  const refused = (
    action: PageAction,
    field: string | undefined,
    values: Record<string, string> = {},
    message = '新的期限须晚于当前期限',
  ): FormRefusal =>
    formRefusal(
      action,
      new BadInputError('BAD_INPUT', message, 'en', field ? { field } : undefined),
      { _csrf: 't', requestId: 'r-12345678', back: '/ui/inbox', ...values },
      actionFormControls(action),
      CONTROL_OF_FIELD,
    );

  it('ties the message to the refused field, which takes the focus, and keeps what was typed', () => {
    const error = refused('requestExtension', 'newDueDate', { newDueDate: '2021-01-01', reason: '等待<监测>数据' });
    expect(error.values).toEqual({ newDueDate: '2021-01-01', reason: '等待<监测>数据' }); // never the hidden fields
    const form = String(actionForm('requestExtension', ctx, error));
    expect(form).toMatch(
      /<p\s+class="error"\s+id="requestExtension-error"\s+role="alert"\s+tabindex="-1"\s*>\s*新的期限须晚于当前期限/,
    );
    expect(form).toMatch(
      /<input type="date" name="newDueDate" value="2021-01-01" required aria-invalid="true" aria-describedby="requestExtension-error" autofocus \/>/,
    );
    // The reason is kept, escaped, and not marked: the refusal is not about it.
    expect(form).toMatch(/<textarea name="reason"[^>]*required\s*>\s*等待&lt;监测&gt;数据<\/textarea>/);
    expect(form.match(/aria-invalid/g)).toHaveLength(1);
    expect(form.match(/autofocus/g)).toHaveLength(1);
  });

  it('names the control of an argument posted under another name (files are "evidence")', () => {
    const error = refused('submit', 'evidenceIds', {}, '阶段“材料”须上传佐证材料');
    expect(error.control).toBe('evidence');
    expect(String(actionForm('submit', ctx, error))).toMatch(
      /name="evidence"[^>]*aria-invalid="true" aria-describedby="submit-error" autofocus/,
    );
    expect(refused('reassign', 'newLeadUnit').control).toBe('newLeadUnit');
    expect(String(actionForm('reassign', ctx, refused('reassign', undefined, { newLeadUnit: 'ecology' })))).toMatch(
      /<option value="ecology" selected>/,
    );
  });

  it('focuses the message itself when the refusal is about no field of the form', () => {
    for (const field of [undefined, 'stageKey']) {
      const error = refused('approve', field, {}, '当前阶段没有待审批的提交');
      expect(error.control).toBeNull();
      const form = String(actionForm('approve', ctx, error));
      expect(form).toMatch(/id="approve-error"\s+role="alert"\s+tabindex="-1"\s+autofocus/);
      expect(form).not.toMatch(/aria-invalid/);
    }
  });

  it('leaves the other forms of the page as they are', () => {
    const error = refused('suspend', 'reason', { reason: '暂停原因' });
    const other = String(actionForm('cancel', ctx, error));
    expect(other).not.toMatch(/aria-invalid|autofocus|role="alert"|暂停原因/);
    const withoutRequestId = (form: string) => form.replace(/name="requestId" value="[0-9a-f-]{36}"/, '');
    expect(withoutRequestId(other)).toBe(withoutRequestId(String(actionForm('cancel', ctx))));
  });
});
