import { createHmac } from 'node:crypto';

/**
 * DingTalk robot signing (加签): HMAC-SHA256 over `timestamp + "\n" + secret`, keyed with the
 * secret, base64-encoded. The robot rejects timestamps more than an hour from its clock.
 */
export function dingtalkSignature(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The webhook URL with `&timestamp=…&sign=…` appended (sign URL-encoded: base64 has + / =). */
export function signDingtalkUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const sign = encodeURIComponent(dingtalkSignature(timestampMs, secret));
  const separator = webhookUrl.includes('?') ? '&' : '?';
  return `${webhookUrl}${separator}timestamp=${timestampMs}&sign=${sign}`;
}
