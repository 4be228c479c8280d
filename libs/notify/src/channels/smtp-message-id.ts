import { createHash } from 'node:crypto';

/**
 * The Message-ID of a notification's e-mail: a hash of the dedup key, so every resend of the same
 * notification (after a crash between send and record) carries the same id and mail servers and
 * clients can recognise it as a duplicate. Hashing keeps it ASCII whatever the key contains.
 */
export function messageIdFor(dedupKey: string, domain: string): string {
  const digest = createHash('sha256').update(dedupKey, 'utf8').digest('hex').slice(0, 40);
  return `<duban.${digest}@${domain}>`;
}
