import { Notification } from './notification';

export type ChannelName = 'inbox' | 'smtp' | 'wecom' | 'dingtalk';

/** Every channel the engine knows, in the order a fan-out tries them (inbox first: it is local). */
export const CHANNEL_NAMES: readonly ChannelName[] = ['inbox', 'smtp', 'wecom', 'dingtalk'];

export interface DeliveryResult {
  channel: ChannelName;
  /**
   * sent: this call delivered it; already-delivered: an earlier attempt did (a Temporal retry);
   * skipped: nothing to do (channel disabled, or no recipient this channel can reach).
   */
  outcome: 'sent' | 'already-delivered' | 'skipped';
  /** Why it was skipped, or a short note on what was sent. */
  detail?: string;
  /** Attempt number from the delivery log (1 = first send). */
  attempt?: number;
  /** SMTP: the Message-ID, derived from the dedup key. */
  messageId?: string;
  /** SMTP: addresses the server accepted and rejected. */
  accepted?: string[];
  rejected?: string[];
  /** Inbox: rows created now and rows that already existed. */
  created?: number;
  existing?: number;
}

/**
 * One way of reaching people. deliver() performs a single attempt and throws a DeliveryError on
 * failure; deduplication across attempts is the Notifier's job, not the channel's.
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  deliver(n: Notification): Promise<DeliveryResult>;
  /** Releases connections (SMTP transport) on shutdown. */
  close?(): Promise<void> | void;
}
