import { WorkdayCalendar } from '../calendar/workday-calendar';
import { DEFAULT_RECEIPT_WORKDAYS } from '../task/task-types';

/** How urgent a registered item is (紧急程度); each class gives so many workdays to finish. */
export const URGENCY_CLASSES = ['extra-urgent', 'urgent', 'normal', 'long-term'] as const;
export type UrgencyClass = (typeof URGENCY_CLASSES)[number];

/**
 * Workdays each class allows, as supervision offices commonly set them (特急 1–5, 急件 5–10,
 * 一般 15, 长期 30): a policy, replaced as a whole by DUBAN_URGENCY_WORKDAYS.
 */
export const DEFAULT_URGENCY_WORKDAYS: Readonly<Record<UrgencyClass, number>> = {
  'extra-urgent': 3,
  urgent: 7,
  normal: 15,
  'long-term': 30,
};

/**
 * Workdays its lead unit has to acknowledge a registered item (签收): one for 特急 (the work
 * itself has only days), the usual two otherwise.
 */
export function receiptWorkdaysFor(urgency: UrgencyClass | undefined): number {
  return urgency === 'extra-urgent' ? 1 : DEFAULT_RECEIPT_WORKDAYS;
}

/**
 * The deadline of an item registered on `today` (a Shanghai calendar day): so many workdays
 * after it, on the workday calendar (holidays and 调休 counted as the State Council set them).
 */
export function urgencyDeadline(
  urgency: UrgencyClass,
  today: string,
  calendar: WorkdayCalendar,
  workdays: Readonly<Record<UrgencyClass, number>> = DEFAULT_URGENCY_WORKDAYS,
): string {
  return calendar.addWorkdays(today, workdays[urgency]);
}
