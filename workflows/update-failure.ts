import { ApplicationFailure } from '@temporalio/workflow';

/** The failure itself, or what an activity failure wraps. */
function rootOf(error: unknown): { message?: string; type?: unknown } {
  const e = error as { message?: string; type?: unknown; cause?: { message?: string; type?: unknown } };
  return e && !(e instanceof ApplicationFailure) && e.cause ? e.cause : (e ?? {});
}

/** The message of an activity or other failure, as the update's caller should read it. */
export function failureMessage(error: unknown): string {
  return rootOf(error).message || String(error);
}

/**
 * The rejection type an update fails with: a validator's own type as it is, a calendar refusal as
 * bad input (the date cannot be served), anything else as internal.
 */
export function failureType(error: unknown): string {
  const type = rootOf(error).type;
  if (typeof type !== 'string') return 'INTERNAL';
  return type.startsWith('CALENDAR') ? 'BAD_INPUT' : type;
}

/**
 * Any failure ends the update, never the workflow task: an error that is not a Temporal failure
 * would fail the task and retry it for ever.
 */
export function updateFailure(error: unknown): ApplicationFailure {
  return ApplicationFailure.nonRetryable(failureMessage(error), failureType(error));
}

/** A refusal of the update with the rule's own words and code. */
export function refused(message: string, code: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, code);
}
