import { html, SafeHtml } from './html';

/** Beside a date computed on a year without its holiday notice: it may still move. */
export function provisionalBadge(): SafeHtml {
  return html`<span class="badge-provisional" title="该年节假日安排尚未录入，期限按法定假日暂定计算，录入通知后可能调整"
    >按暂定日历计算</span
  >`;
}
