import { SmtpChannel } from './channels/smtp-channel';
import { WebhookRobotChannel } from './channels/webhook-robot-channel';
import { NotificationChannel } from './notification-message';

/** The external channels configured in the environment; an unset channel is simply off. */
export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (env.SMTP_HOST) {
    const port = Number(env.SMTP_PORT ?? 587);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new Error(`SMTP_PORT: "${env.SMTP_PORT}" is not a port`);
    channels.push(
      new SmtpChannel({
        host: env.SMTP_HOST,
        port,
        secure: env.SMTP_SECURE === 'true',
        user: env.SMTP_USER,
        pass: env.SMTP_PASS,
        from: env.SMTP_FROM ?? `督办系统 <duban@${env.SMTP_HOST}>`,
      }),
    );
  }
  if (env.WECOM_WEBHOOK_URL) channels.push(new WebhookRobotChannel('wecom', env.WECOM_WEBHOOK_URL));
  if (env.DINGTALK_WEBHOOK_URL) {
    channels.push(new WebhookRobotChannel('dingtalk', env.DINGTALK_WEBHOOK_URL, env.DINGTALK_SECRET));
  }
  return channels;
}
