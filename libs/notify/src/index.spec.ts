import * as api from './index';

describe('public API', () => {
  it('exports the runtime pieces the worker and activities use', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CHANNEL_NAMES',
        'DEDUP_HEADER',
        'DEFAULT_LEASE_MS',
        'DEFAULT_TIMEOUT_MS',
        'DELIVERY_LOG',
        'DeliveryError',
        'DingtalkChannel',
        'INBOX_STORE',
        'InboxChannel',
        'MAX_DEDUP_KEY_LENGTH',
        'NON_RETRYABLE_ERROR_TYPES',
        'NOTIFICATION_KINDS',
        'NOTIFY_CHANNELS',
        'NOTIFY_CONFIG',
        'Notifier',
        'NotifyConfigError',
        'NotifyModule',
        'PermanentDeliveryError',
        'RetryableDeliveryError',
        'SmtpChannel',
        'WecomChannel',
        'createChannels',
        'dingtalkSignature',
        'isRetryable',
        'loadNotifyConfig',
        'messageIdFor',
        'recipientKey',
        'renderNotification',
        'signDingtalkUrl',
        'tagOf',
        'toDeliveryError',
        'validateNotification',
      ].sort(),
    );
  });
});
