// Public API of libs/notify. The in-memory stores under testing/ are deliberately not exported.
export { Notification, NotificationKind, NOTIFICATION_KINDS, Recipient, TaskRef, recipientKey } from './notification';
export { validateNotification, MAX_DEDUP_KEY_LENGTH } from './notification-validation';
export { ChannelName, CHANNEL_NAMES, DeliveryResult, NotificationChannel } from './channel';
export {
  DeliveryError,
  DeliveryErrorCode,
  RetryableDeliveryError,
  PermanentDeliveryError,
  NON_RETRYABLE_ERROR_TYPES,
} from './delivery-errors';
export { isRetryable, toDeliveryError } from './error-classification';
export { DeliveryLog, DeliveryClaim } from './delivery-log';
export { InboxStore } from './inbox-store';
export { renderNotification, RenderedNotification, tagOf } from './render/render-notification';
export {
  NotifyConfig,
  SmtpConfig,
  WecomConfig,
  DingtalkConfig,
  loadNotifyConfig,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_LEASE_MS,
} from './config/notify-config';
export { NotifyConfigError } from './config/notify-config-error';
export { InboxChannel } from './channels/inbox-channel';
export { SmtpChannel, DEDUP_HEADER } from './channels/smtp-channel';
export { messageIdFor } from './channels/smtp-message-id';
export { WecomChannel } from './channels/wecom-channel';
export { DingtalkChannel } from './channels/dingtalk-channel';
export { dingtalkSignature, signDingtalkUrl } from './channels/dingtalk-sign';
export { createChannels } from './create-channels';
export { Notifier, NotifierOptions, ChannelOutcome } from './notifier';
export { NotifyModule, NotifyModuleOptions } from './notify.module';
export { INBOX_STORE, DELIVERY_LOG, NOTIFY_CONFIG, NOTIFY_CHANNELS } from './notify.tokens';
