import { createHmac } from 'node:crypto';
import { NotificationChannel, OutgoingMessage, PermanentDeliveryError } from '../notification-message';

/**
 * Group robots: 企业微信 (WeCom) and 钉钉 (DingTalk) webhooks, markdown messages. DingTalk robots
 * with 加签 need timestamp + HMAC-SHA256(secret, "timestamp\nsecret") in the URL.
 */
export class WebhookRobotChannel implements NotificationChannel {
  constructor(
    readonly name: 'wecom' | 'dingtalk',
    private readonly url: string,
    private readonly secret?: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const text = `### ${message.title}\n\n${message.body}${message.link ? `\n\n[查看任务](${message.link})` : ''}`;
    const body =
      this.name === 'wecom'
        ? { msgtype: 'markdown', markdown: { content: text } }
        : { msgtype: 'markdown', markdown: { title: message.title, text } };
    const res = await fetch(this.signedUrl(Date.now()), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.status >= 500 || res.status === 429) throw new Error(`${this.name} robot answered HTTP ${res.status}`);
    if (res.status >= 400) throw new PermanentDeliveryError(`${this.name} robot refused: HTTP ${res.status}`);
    const answer = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
    if (answer.errcode !== 0) {
      // 45009/130101: rate limited, worth retrying; other codes are configuration problems.
      if (answer.errcode === 45009 || answer.errcode === 130101) throw new Error(`${this.name} rate limited`);
      throw new PermanentDeliveryError(`${this.name} robot error ${answer.errcode}: ${answer.errmsg ?? ''}`);
    }
  }

  signedUrl(timestamp: number): string {
    if (this.name !== 'dingtalk' || !this.secret) return this.url;
    const sign = createHmac('sha256', this.secret).update(`${timestamp}\n${this.secret}`).digest('base64');
    const sep = this.url.includes('?') ? '&' : '?';
    return `${this.url}${sep}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
  }
}
