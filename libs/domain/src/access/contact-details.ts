/**
 * A phone number as staff sheets write it (138 0000 0000, +86-13800000000, 0791-88888888-123),
 * normalised: a mainland mobile as its 11 digits, a landline as 区号-号码[-分机]; null if it is neither.
 */
export function normalisePhone(text: string): string | null {
  const compact = text.normalize('NFKC').replace(/[\s()]/g, '');
  const mobile = compact.replace(/^(\+?86)-?/, '').replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  const landline = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(compact);
  if (landline) return [landline[1], landline[2], landline[3]].filter(Boolean).join('-');
  return null;
}

/** A mailbox address as a person types it: one @, a dotted domain, no spaces (what SMTP will take). */
export function isMailbox(text: string): boolean {
  return text.length <= 255 && /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;.]+$/.test(text);
}
