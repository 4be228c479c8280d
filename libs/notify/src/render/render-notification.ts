import { Notification, Recipient } from '../notification';
import { chineseNumber, KIND_LABELS, roleLabel } from './labels';

export interface RenderedNotification {
  /** E-mail subject and robot title, e.g. 【督办·二级】… */
  subject: string;
  /** Plain-text e-mail body. */
  text: string;
  /** Markdown in the subset WeCom and DingTalk both render (headings, quotes, links). */
  markdown: string;
}

const FOOTER = '本消息由督办系统自动发送，请勿直接回复。';

/** 【催办】, 【督办·二级】, 【待办】, 【督办通报】 */
export function tagOf(n: Notification): string {
  const label = KIND_LABELS[n.kind];
  if (n.kind === 'escalation' && n.level !== undefined) return `【${label}·${chineseNumber(n.level)}级】`;
  return `【${label}】`;
}

function recipientLabel(r: Recipient): string {
  const who = r.name ? `${r.name}（${roleLabel(r.role)}）` : roleLabel(r.role);
  return `${r.unitCode} ${who}`;
}

/** Only http(s) links are shown: anything else in a robot message would be a dead or unsafe link. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function paragraphs(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function renderNotification(n: Notification): RenderedNotification {
  const subject = `${tagOf(n)}${n.title}`;
  const url = safeUrl(n.taskRef?.url);
  const to = [...new Set(n.recipients.map(recipientLabel))].join('、');
  const task = n.taskRef ? `${n.taskRef.planId} / ${n.taskRef.taskCode}` : undefined;

  const text = [
    subject,
    '',
    ...paragraphs(n.body),
    '',
    ...(to ? [`接收：${to}`] : []),
    ...(task ? [`任务：${task}`] : []),
    ...(url ? [`查看：${url}`] : []),
    '',
    '——',
    FOOTER,
  ].join('\n');

  // Blank lines between blocks: DingTalk joins single newlines into one paragraph.
  const markdown = [
    `### ${subject}`,
    ...paragraphs(n.body),
    ...(to ? [`> 接收：${to}`] : []),
    ...(task ? [`> 任务：${task}`] : []),
    ...(url ? [`[查看任务](${url})`] : []),
  ].join('\n\n');

  return { subject, text, markdown };
}
