/**
 * Deliberately loose: rejects what cannot be an address (spaces, missing @, brackets) but accepts
 * intranet domains without a dot. The mail server has the final word on the rest.
 */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

export function isEmailAddress(value: string): boolean {
  return ADDRESS.test(value);
}

export interface Mailbox {
  name?: string;
  address: string;
}

/** Parses `addr@host` or `"显示名" <addr@host>` / `显示名 <addr@host>`. */
export function parseMailbox(value: string): Mailbox | undefined {
  const trimmed = value.trim();
  if (isEmailAddress(trimmed)) return { address: trimmed };
  const m = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  if (!m || !isEmailAddress(m[2].trim())) return undefined;
  const name = m[1]
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return name ? { name, address: m[2].trim() } : { address: m[2].trim() };
}
