import { NotificationChannel } from './channel';
import { DingtalkChannel } from './channels/dingtalk-channel';
import { InboxChannel } from './channels/inbox-channel';
import { SmtpChannel } from './channels/smtp-channel';
import { WecomChannel } from './channels/wecom-channel';
import { NotifyConfig } from './config/notify-config';
import { InboxStore } from './inbox-store';

/** The inbox always; every other channel only when its settings are present. */
export function createChannels(config: NotifyConfig, inbox: InboxStore): NotificationChannel[] {
  const channels: NotificationChannel[] = [new InboxChannel(inbox)];
  if (config.smtp) channels.push(new SmtpChannel(config.smtp, config.timeoutMs));
  if (config.wecom) channels.push(new WecomChannel(config.wecom, config.timeoutMs));
  if (config.dingtalk) channels.push(new DingtalkChannel(config.dingtalk, config.timeoutMs));
  return channels;
}
