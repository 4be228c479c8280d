/** A message as the channels send it: who (resolved e-mail addresses), what, and its dedup key. */
export interface OutgoingMessage {
  dedupKey: string;
  kind: string;
  level?: number;
  title: string;
  body: string;
  /** E-mail addresses of the people addressed (for SMTP). */
  emails: string[];
  link?: string;
}

export interface NotificationChannel {
  readonly name: 'smtp' | 'wecom' | 'dingtalk';
  send(message: OutgoingMessage): Promise<void>;
}

/** A channel refusing for good (bad address, bad config): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
