import { DeliveryResult, NotificationChannel } from '../channel';
import { DingtalkConfig } from '../config/notify-config';
import { postJson } from '../http/post-json';
import { Notification } from '../notification';
import { renderNotification } from '../render/render-notification';
import { truncateUtf8 } from '../render/utf8-truncate';
import { signDingtalkUrl } from './dingtalk-sign';
import { checkRobotResponse } from './robot-response';

/** DingTalk does not publish a markdown limit; 20 000 bytes stays clear of the request limit. */
export const DINGTALK_MARKDOWN_MAX_BYTES = 20_000;

/** 钉钉自定义机器人 with 加签: a fresh signature per attempt, since it expires after an hour. */
export class DingtalkChannel implements NotificationChannel {
  readonly name = 'dingtalk' as const;

  constructor(
    private readonly config: DingtalkConfig,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async deliver(n: Notification): Promise<DeliveryResult> {
    const { subject, markdown } = renderNotification(n);
    const body = {
      msgtype: 'markdown',
      markdown: { title: subject, text: truncateUtf8(markdown, DINGTALK_MARKDOWN_MAX_BYTES) },
    };
    const url = signDingtalkUrl(this.config.webhookUrl, this.config.secret, this.now());
    const answer = await postJson(this.name, url, body, this.timeoutMs);
    checkRobotResponse(this.name, answer);
    return { channel: this.name, outcome: 'sent' };
  }
}
