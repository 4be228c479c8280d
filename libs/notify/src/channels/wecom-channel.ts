import { DeliveryResult, NotificationChannel } from '../channel';
import { WecomConfig } from '../config/notify-config';
import { postJson } from '../http/post-json';
import { Notification } from '../notification';
import { renderNotification } from '../render/render-notification';
import { truncateUtf8 } from '../render/utf8-truncate';
import { checkRobotResponse } from './robot-response';

/** WeCom limits markdown content to 4096 bytes of UTF-8. */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

/** 企业微信群机器人: posts a markdown message to the group the webhook key belongs to. */
export class WecomChannel implements NotificationChannel {
  readonly name = 'wecom' as const;

  constructor(
    private readonly config: WecomConfig,
    private readonly timeoutMs: number,
  ) {}

  async deliver(n: Notification): Promise<DeliveryResult> {
    const { markdown } = renderNotification(n);
    const body = { msgtype: 'markdown', markdown: { content: truncateUtf8(markdown, WECOM_MARKDOWN_MAX_BYTES) } };
    const answer = await postJson(this.name, this.config.webhookUrl, body, this.timeoutMs);
    checkRobotResponse(this.name, answer);
    return { channel: this.name, outcome: 'sent' };
  }
}
