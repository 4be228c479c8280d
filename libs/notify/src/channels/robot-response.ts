import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-errors';

/**
 * Robot errcodes that mean "later": system busy and rate limits (WeCom 20 messages/min,
 * DingTalk 20/min). Every other non-zero errcode is a rejection — invalid key or token, robot
 * disabled, bad signature, IP not whitelisted, keyword missing, content flagged — that a retry
 * of the same message would meet again.
 */
const RETRYABLE_ERRCODES: Record<'wecom' | 'dingtalk', ReadonlySet<number>> = {
  wecom: new Set([-1, 45009, 45033]),
  dingtalk: new Set([-1, 130101, 410100]),
};

/** Both robots answer HTTP 200 with {errcode, errmsg}; success is errcode 0. */
export function checkRobotResponse(channel: 'wecom' | 'dingtalk', body: Record<string, unknown>): void {
  const errcode = body.errcode;
  if (errcode === 0) return;
  const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
  if (typeof errcode !== 'number')
    throw new RetryableDeliveryError(channel, 'BAD_RESPONSE', `answer without errcode: ${JSON.stringify(body)}`);
  const Kind = RETRYABLE_ERRCODES[channel].has(errcode) ? RetryableDeliveryError : PermanentDeliveryError;
  throw new Kind(channel, 'ROBOT_ERRCODE', `errcode ${errcode}: ${errmsg}`);
}
