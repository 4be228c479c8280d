import { Logger } from '@nestjs/common';
import { CHANNEL_NAMES, ChannelName, DeliveryResult, NotificationChannel } from './channel';
import { DeliveryError, PermanentDeliveryError, RetryableDeliveryError } from './delivery-errors';
import { DeliveryLog } from './delivery-log';
import { toDeliveryError } from './error-classification';
import { Notification } from './notification';
import { validateNotification } from './notification-validation';

export interface NotifierOptions {
  /** How long a 'sending' claim protects an attempt; must exceed the longest channel attempt. */
  leaseMs: number;
}

export type ChannelOutcome =
  | { channel: ChannelName; ok: true; result: DeliveryResult }
  | { channel: ChannelName; ok: false; error: DeliveryError };

/**
 * Delivers notifications through the enabled channels, each on its own: the activity layer calls
 * deliverVia once per channel (one activity per channel), so Temporal retries a failing channel
 * with backoff while the others finish, and the workflow never waits on e-mail to write the inbox.
 */
export class Notifier {
  private readonly logger = new Logger('Notifier');
  private readonly channels = new Map<ChannelName, NotificationChannel>();

  constructor(
    channels: NotificationChannel[],
    private readonly log: DeliveryLog,
    private readonly options: NotifierOptions,
  ) {
    for (const c of channels) {
      if (this.channels.has(c.name)) throw new Error(`channel "${c.name}" given twice`);
      this.channels.set(c.name, c);
    }
  }

  /** Enabled channels, in CHANNEL_NAMES order. */
  enabledChannels(): ChannelName[] {
    return CHANNEL_NAMES.filter((name) => this.channels.has(name));
  }

  isEnabled(name: ChannelName): boolean {
    return this.channels.has(name);
  }

  /**
   * Delivers through one channel at most once per dedup key in the normal case (see DeliveryLog
   * for the crash case). Resolves with sent / already-delivered / skipped (channel disabled or
   * nothing to send); rejects with a RetryableDeliveryError or PermanentDeliveryError for this
   * channel only.
   */
  async deliverVia(name: ChannelName, n: Notification): Promise<DeliveryResult> {
    const problems = validateNotification(n);
    if (problems.length > 0) throw new PermanentDeliveryError(name, 'INVALID_NOTIFICATION', problems.join('; '));
    const channel = this.channels.get(name);
    // Not an error: workflows schedule every channel and deployments choose which ones exist.
    if (!channel) return { channel: name, outcome: 'skipped', detail: 'channel disabled' };

    let claim;
    try {
      claim = await this.log.claim(n.dedupKey, name, this.options.leaseMs);
    } catch (err) {
      throw new RetryableDeliveryError(name, 'DELIVERY_LOG', `delivery log unavailable: ${messageOf(err)}`, {
        cause: err,
      });
    }
    if (claim.outcome === 'delivered') return { channel: name, outcome: 'already-delivered' };
    if (claim.outcome === 'in-flight')
      throw new RetryableDeliveryError(name, 'IN_FLIGHT', `attempt ${claim.attempt} is still within its lease`);

    let result: DeliveryResult;
    try {
      result = await channel.deliver(n);
    } catch (err) {
      const error = toDeliveryError(name, err);
      // Best effort: if this write fails too, the lease expires and a retry claims anyway.
      await this.log
        .markFailed(n.dedupKey, name, claim.attempt, error.message)
        .catch((logErr) => this.logger.warn(`${name} ${n.dedupKey}: markFailed failed: ${messageOf(logErr)}`));
      throw error;
    }
    try {
      await this.log.markDelivered(n.dedupKey, name);
    } catch (err) {
      // The message went out. Failing the activity would make Temporal retry and, after the
      // lease, send it again; succeeding leaves a stale 'sending' row that only matters if the
      // very same notification is requested again.
      this.logger.warn(`${name} ${n.dedupKey}: sent, but markDelivered failed: ${messageOf(err)}`);
    }
    return { ...result, attempt: claim.attempt };
  }

  /**
   * All enabled channels concurrently, each independent; never rejects. For callers outside
   * Temporal (scripts, tests); activities should prefer one deliverVia per channel.
   */
  async deliverAll(n: Notification): Promise<ChannelOutcome[]> {
    const names = this.enabledChannels();
    const settled = await Promise.allSettled(names.map((name) => this.deliverVia(name, n)));
    return settled.map((s, i): ChannelOutcome =>
      s.status === 'fulfilled'
        ? { channel: names[i], ok: true, result: s.value }
        : { channel: names[i], ok: false, error: toDeliveryError(names[i], s.reason) },
    );
  }

  /** Called by Nest on shutdown; closes SMTP connections. */
  async onModuleDestroy(): Promise<void> {
    for (const c of this.channels.values()) await c.close?.();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
