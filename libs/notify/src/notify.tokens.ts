/** Provided by the app (persistence layer): an InboxStore on the `notification` table. */
export const INBOX_STORE = Symbol('INBOX_STORE');
/** Provided by the app (persistence layer): a DeliveryLog on the `notification_delivery` table. */
export const DELIVERY_LOG = Symbol('DELIVERY_LOG');
/** The validated NotifyConfig, provided by NotifyModule. */
export const NOTIFY_CONFIG = Symbol('NOTIFY_CONFIG');
/** The enabled NotificationChannel[], provided by NotifyModule. */
export const NOTIFY_CHANNELS = Symbol('NOTIFY_CHANNELS');
