import { Mailbox, parseMailbox } from './email-address';
import { NotifyConfigError } from './notify-config-error';

export interface SmtpConfig {
  host: string;
  port: number;
  /** true = TLS from the first byte (465); false = plain then STARTTLS when offered (587/25). */
  secure: boolean;
  auth?: { user: string; pass: string };
  from: Mailbox;
  /** Right-hand side of Message-IDs; the sender's domain. */
  messageIdDomain: string;
}

export interface WecomConfig {
  webhookUrl: string;
}

export interface DingtalkConfig {
  webhookUrl: string;
  secret: string;
}

/** A channel is enabled exactly when its section is present. The inbox is always enabled. */
export interface NotifyConfig {
  smtp?: SmtpConfig;
  wecom?: WecomConfig;
  dingtalk?: DingtalkConfig;
  /** Upper bound of one delivery attempt on a network channel. */
  timeoutMs: number;
  /** How long a 'sending' claim protects an attempt (see DeliveryLog); ≥ 2 × timeoutMs. */
  leaseMs: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_LEASE_MS = 60_000;

type Env = Record<string, string | undefined>;

/** Empty strings count as unset: compose files and .env templates often leave `KEY=`. */
function read(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

function parseIntIn(env: Env, key: string, min: number, max: number, problems: string[]): number | undefined {
  const raw = read(env, key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key} must be an integer from ${min} to ${max}, got "${raw}"`);
    return undefined;
  }
  return n;
}

function parseBool(env: Env, key: string, problems: string[]): boolean | undefined {
  const raw = read(env, key)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  problems.push(`${key} must be true or false, got "${raw}"`);
  return undefined;
}

/** Webhook URLs carry the robot's key or token, so they are never echoed in error messages. */
function parseWebhookUrl(env: Env, key: string, problems: string[]): string | undefined {
  const raw = read(env, key);
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
  } catch {
    // reported below
  }
  problems.push(`${key} must be an http(s) URL`);
  return undefined;
}

function loadSmtp(env: Env, problems: string[]): SmtpConfig | undefined {
  const host = read(env, 'SMTP_HOST');
  if (host === undefined) return undefined;
  const explicitPort = parseIntIn(env, 'SMTP_PORT', 1, 65535, problems);
  const explicitSecure = parseBool(env, 'SMTP_SECURE', problems);
  const secure = explicitSecure ?? explicitPort === 465;
  const port = explicitPort ?? (secure ? 465 : 587);
  const user = read(env, 'SMTP_USER');
  const pass = read(env, 'SMTP_PASS');
  if ((user === undefined) !== (pass === undefined)) problems.push('SMTP_USER and SMTP_PASS must be set together');
  const rawFrom = read(env, 'SMTP_FROM');
  const from = rawFrom === undefined ? undefined : parseMailbox(rawFrom);
  if (rawFrom === undefined) problems.push('SMTP_FROM is required when SMTP_HOST is set');
  else if (!from) problems.push(`SMTP_FROM is not an e-mail address: "${rawFrom}"`);
  if (!from) return undefined;
  return {
    host,
    port,
    secure,
    ...(user !== undefined && pass !== undefined ? { auth: { user, pass } } : {}),
    from,
    messageIdDomain: from.address.split('@')[1],
  };
}

/** Reads and validates the notification settings; throws NotifyConfigError listing every problem. */
export function loadNotifyConfig(env: Env = process.env): NotifyConfig {
  const problems: string[] = [];
  const smtp = loadSmtp(env, problems);

  const wecomUrl = parseWebhookUrl(env, 'WECOM_WEBHOOK_URL', problems);

  const dingtalkUrl = parseWebhookUrl(env, 'DINGTALK_WEBHOOK_URL', problems);
  const dingtalkSecret = read(env, 'DINGTALK_SECRET');
  // Signing is required: an unsigned robot accepts posts from anyone who learns the URL.
  if (read(env, 'DINGTALK_WEBHOOK_URL') !== undefined && dingtalkSecret === undefined)
    problems.push('DINGTALK_SECRET is required when DINGTALK_WEBHOOK_URL is set (加签)');
  if (dingtalkSecret !== undefined && read(env, 'DINGTALK_WEBHOOK_URL') === undefined)
    problems.push('DINGTALK_SECRET is set but DINGTALK_WEBHOOK_URL is not');

  const timeoutMs = parseIntIn(env, 'NOTIFY_TIMEOUT_MS', 100, 300_000, problems) ?? DEFAULT_TIMEOUT_MS;
  const leaseMs = parseIntIn(env, 'NOTIFY_LEASE_MS', 1_000, 86_400_000, problems) ?? DEFAULT_LEASE_MS;
  if (leaseMs < 2 * timeoutMs)
    problems.push(`NOTIFY_LEASE_MS (${leaseMs}) must be at least twice NOTIFY_TIMEOUT_MS (${timeoutMs})`);

  if (problems.length > 0) throw new NotifyConfigError(problems);
  return {
    ...(smtp ? { smtp } : {}),
    ...(wecomUrl ? { wecom: { webhookUrl: wecomUrl } } : {}),
    ...(dingtalkUrl && dingtalkSecret ? { dingtalk: { webhookUrl: dingtalkUrl, secret: dingtalkSecret } } : {}),
    timeoutMs,
    leaseMs,
  };
}
