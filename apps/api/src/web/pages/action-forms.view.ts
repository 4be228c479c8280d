import { randomUUID } from 'node:crypto';
import { html, raw, SafeHtml } from '../layout/html';
import { FormRefusal, refusalFor } from '../layout/form-refusal';
import { PageAction } from '../view-model/available-actions';
import { taskPagePath } from '@duban/domain/task/task-page-path';

export const ACTION_LABELS: Record<PageAction, string> = {
  acknowledge: '签收',
  decline: '退回督查室',
  submit: '提交成果',
  approve: '审批通过',
  returnStage: '退回',
  cooperateFeedback: '提交配合反馈',
  confirmCooperation: '确认配合反馈',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  close: '销号',
  reassign: '改派',
  suspend: '暂停',
  resume: '恢复',
  cancel: '撤销',
  comment: '发表评论',
  addProblem: '登记整改问题',
};

/** The form control of an action argument where they differ (files are posted as `evidence`). */
export const CONTROL_OF_FIELD: Record<string, string> = { evidenceIds: 'evidence' };

/** The controls of each action's form a refusal can be tied to. */
export function actionFormControls(action: PageAction): readonly string[] {
  return FORM_CONTROLS[action] ?? ['note'];
}

const FORM_CONTROLS: Partial<Record<PageAction, string[]>> = {
  submit: ['note', 'quantity', 'evidence'],
  returnStage: ['reason'],
  decline: ['reason'],
  requestExtension: ['newDueDate', 'reason'],
  decideExtension: ['note'],
  reassign: ['newLeadUnit', 'reason'],
  suspend: ['reason'],
  cancel: ['reason'],
  comment: ['text'],
  addProblem: ['problemId', 'title', 'dueDate', 'note'],
};

export interface ActionFormContext {
  taskId: string;
  csrf: string;
  /** Where to go after the action (this page or the inbox). */
  back: string;
  units?: { code: string; name: string }[];
  /** The deadline an extension would move: the current stage's name and due date. */
  currentDue?: { stageName: string; date: string } | null;
}

export function actionUrl(taskId: string, action: PageAction): string {
  return `${taskPagePath(taskId)}/act/${action}`;
}

/** Hidden fields of every action form: CSRF token, a fresh request id (idempotency), return path. */
function hidden(ctx: ActionFormContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}" />
    <input type="hidden" name="requestId" value="${randomUUID()}" />
    <input type="hidden" name="back" value="${ctx.back}" />`;
}

/** One small form per action the user may take now; `refusal` a refusal of this or another form of the page. */
export function actionForm(action: PageAction, ctx: ActionFormContext, refusal?: FormRefusal | null): SafeHtml {
  const r = refusalFor(refusal, action);
  const textArea = (name: string, placeholder: string, required: boolean) =>
    html`<textarea name="${name}" placeholder="${placeholder}" ${required ? 'required' : ''} ${r.ties(name)}>
${r.value(name)}</textarea>`;
  const input = (name: string, type: string, extra: SafeHtml | string = '') =>
    html`<input type="${type}" name="${name}" value="${r.value(name)}" ${extra} ${r.ties(name)} />`;
  const button = (text = ACTION_LABELS[action], extra = '') =>
    html`<button class="btn ${extra}" type="submit" data-action="${action}">${text}</button>`;
  const form = (fields: SafeHtml | string, buttons: SafeHtml) =>
    html`<form
      class="card action-form"
      method="post"
      action="${action === 'submit' ? `${actionUrl(ctx.taskId, action)}?_csrf=${encodeURIComponent(ctx.csrf)}` : actionUrl(ctx.taskId, action)}"
      data-form="${action}"
      ${action === 'submit' ? raw('enctype="multipart/form-data"') : ''}
    >
      ${r.message()} ${hidden(ctx)} ${fields}
      <div class="btn-row">${buttons}</div>
    </form>`;
  switch (action) {
    case 'submit':
      return form(
        html`<label>办理情况说明 ${textArea('note', '本阶段完成了哪些工作', true)}</label>
          <label>完成数量（量化任务填写）${input('quantity', 'text', raw('inputmode="decimal" size="8"'))}</label>
          <label
            >佐证材料（PDF、Word、Excel、图片、文本，最多 5 个${r.refused ? '；未提交成功的文件须重新选择' : ''}）
            <input
              type="file"
              name="evidence"
              multiple
              accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.txt"
              ${r.ties('evidence')}
          /></label>`,
        button(),
      );
    case 'acknowledge':
      return form(html`<label>签收意见 ${textArea('note', '可选，如：已安排专人办理', false)}</label>`, button());
    case 'decline':
      // 退回: not this unit's work; the supervision office reassigns it.
      return form(
        html`<label>退回督查室理由 ${textArea('reason', '如：不属于本股室职责，建议由××股牵头', true)}</label>`,
        button(undefined, 'btn-secondary'),
      );
    case 'returnStage':
      return form(
        html`<label>退回理由 ${textArea('reason', '请说明需要补充或修改的内容', true)}</label>`,
        button('退回', 'btn-secondary'),
      );
    case 'requestExtension':
      return form(
        html`<label
            >${
              ctx.currentDue
                ? `“${ctx.currentDue.stageName}”的新期限（原 ${ctx.currentDue.date}；后续阶段早于新期限的一并顺延）`
                : '新的期限'
            }
            ${input('newDueDate', 'date', raw('required'))}</label
          >
          <label>延期理由 ${textArea('reason', '为何需要延期', true)}</label>`,
        button(),
      );
    case 'decideExtension':
      return form(
        html`<label>意见 ${textArea('note', '可选', false)}</label>`,
        html`<button class="btn" type="submit" name="approve" value="yes" data-action="decideExtension-yes">
            同意延期
          </button>
          <button class="btn btn-secondary" type="submit" name="approve" value="no" data-action="decideExtension-no">
            不同意
          </button>`,
      );
    case 'reassign':
      return form(
        html`<label
            >新的牵头单位
            <select name="newLeadUnit" required ${r.ties('newLeadUnit')}>
              ${(ctx.units ?? []).map(
                (u) =>
                  html`<option value="${u.code}" ${r.value('newLeadUnit') === u.code ? raw('selected') : ''}>
                    ${u.name}
                  </option>`,
              )}
            </select></label
          >
          <label>改派理由 ${textArea('reason', '改派原因', true)}</label>`,
        button(),
      );
    case 'suspend':
    case 'cancel':
      // Each reason says whose it is: a page may show both forms (WCAG 2.4.6).
      return form(
        html`<label>${ACTION_LABELS[action]}理由 ${textArea('reason', '必填', true)}</label>`,
        button(undefined, 'btn-secondary'),
      );
    case 'comment':
      return form(
        html`<label>评论 ${textArea('text', '写下意见或说明', true)}</label>`,
        button(undefined, 'btn-secondary'),
      );
    case 'addProblem':
      // 整改台账: one problem of an inspection's list, a small task of its own with its own due date.
      return form(
        html`<label
            >问题编号（如检查报告中的序号，字母、数字、-、_）${input(
              'problemId',
              'text',
              raw('required maxlength="40" pattern="[A-Za-z0-9_\\-]{1,40}" size="12"'),
            )}</label
          >
          <label>问题描述 ${textArea('title', '发现的问题', true)}</label>
          <label>整改期限 ${input('dueDate', 'date', raw('required'))}</label>
          <label>整改问题说明 ${textArea('note', '可选', false)}</label>`,
        button(),
      );
    default:
      return form(html`<label>${ACTION_LABELS[action]}意见 ${textArea('note', '可选', false)}</label>`, button());
  }
}

/** The controls of the reopen form (反弹回潮) a refusal can be tied to. */
export const REOPEN_CONTROLS = ['reason', 'dueDate'] as const;

/** 反弹回潮: a supervisor reopens a closed rectification, its number and history kept. */
export function reopenForm(ctx: ActionFormContext, refusal?: FormRefusal | null): SafeHtml {
  const r = refusalFor(refusal, 'reopen');
  return html`<form
    class="card action-form"
    method="post"
    action="${taskPagePath(ctx.taskId)}/reopen"
    data-form="reopen"
  >
    ${r.message()} ${hidden(ctx)}
    <label
      >重新打开的理由（如：某次督察再次发现）
      <textarea name="reason" required placeholder="问题在何时、何次检查中再次出现" ${r.ties('reason')}>
${r.value('reason')}</textarea>
    </label>
    <label
      >重新整改期限 <input type="date" name="dueDate" required value="${r.value('dueDate')}" ${r.ties('dueDate')}
    /></label>
    <div class="btn-row">
      <button class="btn" type="submit" data-action="reopen">重新打开（反弹回潮）</button>
    </div>
  </form>`;
}
