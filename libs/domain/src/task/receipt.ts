import { BadInputError } from '../errors/domain-error';
import { initialStageState } from './initial-stage-state';
import { MAX_RECEIPT_WORKDAYS, RECEIPT_KEY, ReceiptState, TaskPolicy, TaskSnapshot } from './task-types';

/** Whether a task under this policy asks its lead unit to acknowledge each assignment (签收). */
export function asksReceipt(policy: Pick<TaskPolicy, 'receiptWorkdays'>): boolean {
  return typeof policy.receiptWorkdays === 'number' && policy.receiptWorkdays > 0;
}

/**
 * A 签收 time as given (an import's option, a registration's field): whole workdays, 0 for none,
 * at most MAX_RECEIPT_WORKDAYS; anything else is refused naming the field `receiptWorkdays`.
 */
export function checkedReceiptWorkdays(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_RECEIPT_WORKDAYS) return value;
  throw new BadInputError(
    'BAD_RECEIPT_WORKDAYS',
    `签收期限应为 0–${MAX_RECEIPT_WORKDAYS} 的整数（工作日数，0 为不需签收），收到 ${String(value)}`,
    `receiptWorkdays must be an integer 0-${MAX_RECEIPT_WORKDAYS}, got ${String(value)}`,
    { field: 'receiptWorkdays' },
  );
}

/** The 签收 step of an assignment to `unit` at `assignedAt`; its deadline comes from the calendar. */
export function newReceipt(unit: string, assignedAt: string): ReceiptState {
  const step = initialStageState(
    {
      key: RECEIPT_KEY,
      name: '签收',
      ownerUnit: unit,
      dueAt: null,
      requiresEvidence: false,
      requiresCooperation: false,
      closure: false,
    },
    'open',
  );
  return { ...step, assignedAt, scheduled: false, declined: null };
}

/**
 * The receipt the task waits for: not yet acknowledged (待签收) or declined (退回, awaiting the
 * supervision office's reassignment). Null once acknowledged, or when none is asked.
 */
export function pendingReceipt(s: Pick<TaskSnapshot, 'receipt'>): ReceiptState | null {
  const r = s.receipt;
  return r && r.status !== 'approved' ? r : null;
}
