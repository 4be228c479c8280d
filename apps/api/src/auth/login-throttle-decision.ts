export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding window: with `maxFailures` or more failures inside the last `windowSeconds`, refuse until
 * the maxFailures-th most recent one leaves the window. Pure, so the rule is tested without a clock.
 */
export function decideLoginThrottle(
  failuresNewestFirst: Date[],
  now: Date,
  maxFailures: number,
  windowSeconds: number,
): ThrottleDecision {
  const windowStart = now.getTime() - windowSeconds * 1000;
  const recent = failuresNewestFirst.filter((at) => at.getTime() > windowStart);
  if (recent.length < maxFailures) return { allowed: true };
  const releasingFailure = recent[maxFailures - 1].getTime();
  const retryAfterMs = releasingFailure + windowSeconds * 1000 - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}
