import { BadInputError } from '@duban/domain/errors/domain-error';
import { PageAction } from './available-actions';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * A posted action form → the payload the REST endpoint would receive for the same action. The
 * workflow validates the content (required reason, dates, quantities); this only shapes it.
 */
export function actionPayload(action: PageAction, form: Record<string, unknown>): object {
  switch (action) {
    case 'submit': {
      const q = text(form.quantity);
      const quantity = q === '' ? undefined : Number(q);
      if (quantity !== undefined && !Number.isFinite(quantity)) {
        throw new BadInputError('BAD_INPUT', `完成数量须为数字：${q}`, `quantity must be a number: ${q}`, {
          field: 'quantity',
        });
      }
      return { note: text(form.note), evidenceIds: [], ...(quantity === undefined ? {} : { quantity }) };
    }
    case 'returnStage':
    case 'decline':
    case 'suspend':
    case 'cancel':
      return { reason: text(form.reason) };
    case 'requestExtension':
      return { newDueDate: text(form.newDueDate), reason: text(form.reason) };
    case 'decideExtension':
      return { approve: text(form.approve) === 'yes', note: text(form.note) || undefined };
    case 'reassign':
      return { newLeadUnit: text(form.newLeadUnit), reason: text(form.reason) };
    case 'comment':
      return { text: text(form.text) };
    case 'addProblem':
      return {
        problemId: text(form.problemId),
        title: text(form.title),
        dueDate: text(form.dueDate),
        note: text(form.note) || undefined,
      };
    default:
      return { note: text(form.note) || undefined };
  }
}

/** Request ids from our forms are UUIDs; anything of that shape is accepted (retries resend it). */
export function formRequestId(value: unknown): string {
  const id = text(value);
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(id)) {
    throw new BadInputError(
      'BAD_REQUEST_ID',
      '表单缺少有效的请求编号，请刷新页面后重试',
      'Missing or malformed requestId',
    );
  }
  return id;
}
