// Public API of libs/notify. The in-memory stores and contracts under testing/ are not exported:
// they are for tests (import them by path from a spec if needed).
export type { Notification, NotificationKind, Recipient, TaskRef } from './notification';
export { NOTIFICATION_KINDS, recipientKey } from './notification';
export { validateNotification, MAX_DEDUP_KEY_LENGTH } from './notification-validation';
export type { ChannelName, DeliveryResult, NotificationChannel } from './channel';
export { CHANNEL_NAMES } from './channel';
export type { DeliveryErrorCode } from './delivery-errors';
export {
  DeliveryError,
  RetryableDeliveryError,
  PermanentDeliveryError,
  NON_RETRYABLE_ERROR_TYPES,
} from './delivery-errors';
export { isRetryable, toDeliveryError } from './error-classification';
export type { DeliveryLog, DeliveryClaim } from './delivery-log';
export type { InboxStore } from './inbox-store';
export type { RenderedNotification } from './render/render-notification';
export { renderNotification, tagOf } from './render/render-notification';
export type { NotifyConfig, SmtpConfig, WecomConfig, DingtalkConfig } from './config/notify-config';
export { loadNotifyConfig, DEFAULT_TIMEOUT_MS, DEFAULT_LEASE_MS } from './config/notify-config';
export { NotifyConfigError } from './config/notify-config-error';
export { InboxChannel } from './channels/inbox-channel';
export { SmtpChannel, DEDUP_HEADER } from './channels/smtp-channel';
export { messageIdFor } from './channels/smtp-message-id';
export { WecomChannel } from './channels/wecom-channel';
export { DingtalkChannel } from './channels/dingtalk-channel';
export { dingtalkSignature, signDingtalkUrl } from './channels/dingtalk-sign';
export { createChannels } from './create-channels';
export type { NotifierOptions, ChannelOutcome } from './notifier';
export { Notifier } from './notifier';
export type { NotifyModuleOptions } from './notify.module';
export { NotifyModule } from './notify.module';
export { INBOX_STORE, DELIVERY_LOG, NOTIFY_CONFIG, NOTIFY_CHANNELS } from './notify.tokens';
