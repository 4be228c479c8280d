import { ApplicationFailure } from '@temporalio/activity';
import { Notification, Notifier, PermanentDeliveryError } from '@duban/notify';

/**
 * Sends one notification through every enabled channel. Each channel sends at most once per dedup
 * key (the Notifier's delivery log); permanent refusals (bad address, bad robot key) are recorded
 * there and not retried. Any other failure fails the activity retryably, and the retry skips the
 * channels that already delivered.
 */
export async function deliverOnEveryChannel(notifier: Notifier, n: Notification): Promise<void> {
  const failures: string[] = [];
  for (const channel of notifier.enabledChannels()) {
    try {
      await notifier.deliverVia(channel, n);
    } catch (error) {
      if (!(error instanceof PermanentDeliveryError)) failures.push(`${channel}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) {
    throw ApplicationFailure.retryable(`delivery failed: ${failures.join('; ')}`, 'RetryableDeliveryError');
  }
}
