import { NOTIFICATION_KIND_LABELS, ROLE_LABELS } from '@duban/domain/labels/labels';
import { NotificationKind } from '../notification';

export const KIND_LABELS: Record<NotificationKind, string> = NOTIFICATION_KIND_LABELS;

/**
 * Role names as users know them; unknown roles are shown as given. A recipient who heads a unit is
 * its 负责人 here: the unit may be a station or a branch, not a 股 with a 股长.
 */
const RECIPIENT_ROLE_LABELS: Record<string, string> = { ...ROLE_LABELS, 'unit-head': '负责人' };

export function roleLabel(role: string): string {
  return RECIPIENT_ROLE_LABELS[role] ?? role;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十; larger numbers stay Arabic (no ladder is that tall). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
