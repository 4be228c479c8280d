import nodemailer from 'nodemailer';
import { DeliveryResult, NotificationChannel } from '../channel';
import { isEmailAddress } from '../config/email-address';
import { SmtpConfig } from '../config/notify-config';
import { PermanentDeliveryError } from '../delivery-errors';
import { toDeliveryError } from '../error-classification';
import { Notification } from '../notification';
import { renderNotification } from '../render/render-notification';
import { messageIdFor } from './smtp-message-id';

/** Header carrying the dedup key itself, for people reading raw mail or mail-server logs. */
export const DEDUP_HEADER = 'X-Duban-Dedup-Key';

/**
 * E-mail through an SMTP relay: one message per notification, addressed to every recipient that
 * has an e-mail address. Recipients without one are reached by the other channels.
 */
export class SmtpChannel implements NotificationChannel {
  readonly name = 'smtp' as const;
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(
    private readonly config: SmtpConfig,
    private readonly timeoutMs: number,
  ) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
      // A new connection per message: notifications are sparse, and a pooled connection that a
      // relay dropped overnight would turn the morning's first reminder into an error.
      pool: false,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async deliver(n: Notification): Promise<DeliveryResult> {
    const { to, invalid } = this.addresses(n);
    if (to.length === 0 && invalid.length === 0)
      return { channel: this.name, outcome: 'skipped', detail: 'no recipient has an e-mail address' };
    if (to.length === 0)
      throw new PermanentDeliveryError(this.name, 'INVALID_ADDRESS', `invalid e-mail address: ${invalid.join(', ')}`);
    const { subject, text } = renderNotification(n);
    const messageId = messageIdFor(n.dedupKey, this.config.messageIdDomain);
    try {
      const info = await this.transport.sendMail({
        from: this.config.from,
        to,
        subject,
        text,
        messageId,
        headers: { [DEDUP_HEADER]: n.dedupKey },
        // Bounds the whole exchange (the per-step timeouts alone could add up past the lease).
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      return {
        channel: this.name,
        outcome: 'sent',
        messageId: info.messageId,
        accepted: info.accepted.map(String),
        // Invalid addresses on file were never offered to the server; report them with its rejections.
        rejected: [...invalid, ...info.rejected.map(String)],
      };
    } catch (err) {
      throw toDeliveryError(this.name, err);
    }
  }

  /**
   * Distinct valid addresses with display names. An invalid address on file is a data error that
   * must not silence the other recipients, so it is left out and reported, not thrown.
   */
  private addresses(n: Notification): { to: { name: string; address: string }[]; invalid: string[] } {
    const seen = new Map<string, { name: string; address: string }>();
    const invalid: string[] = [];
    for (const r of n.recipients) {
      const address = r.email?.trim();
      if (!address) continue;
      if (!isEmailAddress(address)) {
        invalid.push(address);
        continue;
      }
      const key = address.toLowerCase();
      if (!seen.has(key)) seen.set(key, { name: r.name ?? '', address });
    }
    return { to: [...seen.values()], invalid };
  }

  close(): void {
    this.transport.close();
  }
}
