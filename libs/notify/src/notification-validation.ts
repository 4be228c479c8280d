import { Notification, NOTIFICATION_KINDS } from './notification';

/** The `dedup_key` column length of both tables. */
export const MAX_DEDUP_KEY_LENGTH = 256;

/**
 * Problems that make a notification undeliverable on every channel (empty list = valid). Checked
 * before any claim, so a malformed request fails at once instead of being retried for hours.
 */
export function validateNotification(n: Notification): string[] {
  const problems: string[] = [];
  if (typeof n.dedupKey !== 'string' || n.dedupKey.trim() === '') problems.push('dedupKey is empty');
  else if (n.dedupKey.length > MAX_DEDUP_KEY_LENGTH)
    problems.push(`dedupKey is longer than ${MAX_DEDUP_KEY_LENGTH} characters`);
  if (!NOTIFICATION_KINDS.includes(n.kind)) problems.push(`unknown kind "${String(n.kind)}"`);
  if (typeof n.title !== 'string' || n.title.trim() === '') problems.push('title is empty');
  if (typeof n.body !== 'string') problems.push('body is not text');
  if (!Array.isArray(n.recipients)) problems.push('recipients is not a list');
  else
    n.recipients.forEach((r, i) => {
      if (!r || typeof r.unitCode !== 'string' || r.unitCode === '')
        problems.push(`recipients[${i}].unitCode is empty`);
      if (!r || typeof r.role !== 'string' || r.role === '') problems.push(`recipients[${i}].role is empty`);
    });
  // A reminder's level is its workdays before the due day, and 0 (催办 on the due day) is in the
  // default policy; an escalation's level starts at 1.
  const lowest = n.kind === 'reminder' ? 0 : 1;
  if (n.level !== undefined && (!Number.isInteger(n.level) || n.level < lowest))
    problems.push(
      lowest === 0 ? 'level must be a whole number of workdays (0 or more)' : 'level must be a positive integer',
    );
  return problems;
}
