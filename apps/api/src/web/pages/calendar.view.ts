import { addDays, weekday } from '@duban/domain/calendar/shanghai-time';
import { CalendarGap, CalendarPreview, CalendarYearView } from '../../calendar/calendar.service';
import { html, raw, SafeHtml } from '../layout/html';
import { formatDateTime } from '../view-model/format';

const STATUS_LABELS = { official: '正式（已录入通知）', provisional: '暂定（按法定假日推算，未含调休）' } as const;
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** The overview's warning that a year's notice is missing, with the way to enter it. */
export function calendarGapNotice(gap: CalendarGap): SafeHtml {
  return html`<div class="notice notice-warn" role="status" id="calendar-gap">
    ${gap.message}。<a href="/ui/calendar/${gap.year}">录入 ${gap.year} 年节假日安排</a>
  </div>`;
}

/** 工作日历: every year with its status and source. */
export function calendarListBody(years: CalendarYearView[]): SafeHtml {
  return html`<p class="muted">
      期限、催办和督办按工作日计算。每年 11 月前后国务院办公厅发布下一年的节假日安排通知，管理员在此录入后，
      所有受影响任务的期限和催办会自动重新计算；未录入的年份按法定假日暂定计算（不含调休）。
    </p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="工作日历">
      <table id="calendar-years">
        <thead>
          <tr>
            <th>年份</th>
            <th>状态</th>
            <th>放假天数</th>
            <th>调休上班</th>
            <th>来源</th>
            <th>更新</th>
          </tr>
        </thead>
        <tbody>
          ${years.map(
            (y) =>
              html`<tr data-year="${y.year}" data-status="${y.status}">
                <td><a href="/ui/calendar/${y.year}">${y.year} 年</a></td>
                <td>${STATUS_LABELS[y.status]}</td>
                <td class="num">${y.holidays.length}</td>
                <td class="num">${y.makeupWorkdays.length}</td>
                <td>${y.docNumber ?? y.note ?? '—'}</td>
                <td class="nowrap">${y.updatedAt ? formatDateTime(y.updatedAt) : '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

export interface CalendarFormState {
  noticeText: string;
  holidays: string;
  makeupWorkdays: string;
  docNumber: string;
  issuedOn: string;
}

/** One year: a month grid of days off and 调休 workdays, the law's festivals, and (admins) the entry form. */
export function calendarYearBody(
  y: CalendarYearView,
  opts: {
    canEdit: boolean;
    csrf: string;
    preview: CalendarPreview | null;
    form: CalendarFormState | null;
    saved: string | null;
  },
): SafeHtml {
  const shown = opts.preview ?? y;
  const off = new Set(shown.holidays);
  const work = new Set(shown.makeupWorkdays);
  const problems = opts.preview?.errors ?? [];
  const warnings = opts.preview?.warnings ?? y.warnings;
  const form = opts.form ?? {
    noticeText: '',
    holidays: y.status === 'official' ? y.holidays.join('\n') : '',
    makeupWorkdays: y.status === 'official' ? y.makeupWorkdays.join('\n') : '',
    docNumber: y.docNumber ?? '',
    issuedOn: y.issuedOn ?? '',
  };
  return html`${opts.saved ? html`<div class="notice" role="status" id="calendar-saved">${opts.saved}</div>` : ''}
    ${
      problems.length
        ? html`<div class="error" role="alert" id="calendar-errors" tabindex="-1" autofocus>
            <strong>无法保存，请改正：</strong>
            <ul>
              ${problems.map((p) => html`<li>${p}</li>`)}
            </ul>
          </div>`
        : ''
    }
    ${
      warnings.length
        ? html`<div class="notice notice-warn" role="status" id="calendar-warnings">
            <strong>请核对：</strong>
            <ul>
              ${warnings.map((w) => html`<li>${w}</li>`)}
            </ul>
          </div>`
        : ''
    }
    <section class="card" id="calendar-summary">
      <dl class="kv">
        <dt>状态</dt>
        <dd id="calendar-status">${opts.preview ? '预览（尚未保存）' : STATUS_LABELS[y.status]}</dd>
        <dt>文号</dt>
        <dd>${shown.docNumber ?? '—'}</dd>
        <dt>放假</dt>
        <dd>${shown.holidays.length} 天</dd>
        <dt>调休上班</dt>
        <dd>${shown.makeupWorkdays.length} 天</dd>
        <dt>法定假日</dt>
        <dd>${y.statutory.map((f) => `${f.name} ${f.dates.map((d) => d.slice(5)).join('、')}`).join('；')}</dd>
      </dl>
    </section>
    <div class="legend">
      <span class="day off">休</span> 放假 <span class="day work">班</span> 调休上班
      <span class="day weekend">六</span> 周末
    </div>
    <div class="months" id="calendar-grid">
      ${Array.from({ length: 12 }, (_, m) => monthGrid(y.year, m + 1, off, work))}
    </div>
    ${opts.canEdit ? entryForm(y.year, form, opts.csrf, opts.preview?.invalid) : ''}
    <p><a href="/ui/calendar">返回工作日历</a></p>`;
}

function monthGrid(year: number, month: number, off: Set<string>, work: Set<string>): SafeHtml {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const lead = (weekday(first) + 6) % 7; // Monday first
  const days: SafeHtml[] = [];
  for (let d = first; d.startsWith(first.slice(0, 8)); d = addDays(d, 1)) {
    const wd = weekday(d);
    const kind = off.has(d) ? 'off' : work.has(d) ? 'work' : wd === 0 || wd === 6 ? 'weekend' : 'day';
    const label = off.has(d) ? '放假' : work.has(d) ? '调休上班' : wd === 0 || wd === 6 ? '周末' : '工作日';
    days.push(
      html`<li class="day ${kind}" data-date="${d}" title="${d} ${label}"><span>${Number(d.slice(8))}</span></li>`,
    );
  }
  return html`<section class="month">
    <h3>${month} 月</h3>
    <ol class="days" aria-label="${year} 年 ${month} 月">
      ${WEEKDAYS.map((w) => html`<li class="wd" aria-hidden="true">${w}</li>`)}
      ${Array.from({ length: lead }, () => html`<li class="pad" aria-hidden="true"></li>`)} ${days}
    </ol>
  </section>`;
}

function entryForm(year: number, f: CalendarFormState, csrf: string, invalid: readonly string[] = []): SafeHtml {
  // Each control an error is about is marked and described by the list of errors above the form.
  const ties = (name: string) =>
    invalid.includes(name) ? raw('aria-invalid="true" aria-describedby="calendar-errors"') : '';
  return html`<h2>录入 ${year} 年节假日安排通知</h2>
    <form class="card" method="post" action="/ui/calendar/${year}" id="calendar-form">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <label for="noticeText"
        >通知正文（粘贴《国务院办公厅关于${year}年部分节假日安排的通知》全文，点“读取并检查”自动识别日期）</label
      >
      <textarea id="noticeText" name="noticeText" rows="8" ${ties('noticeText')}>${f.noticeText}</textarea>
      <div class="grid2">
        <label
          >放假日期（每行一个，YYYY-MM-DD）
          <textarea name="holidays" rows="8" ${ties('holidays')}>${f.holidays}</textarea>
        </label>
        <label
          >调休上班日期（每行一个，须为周六或周日）
          <textarea name="makeupWorkdays" rows="8" ${ties('makeupWorkdays')}>${f.makeupWorkdays}</textarea>
        </label>
      </div>
      <div class="btn-row">
        <label
          >文号 <input type="text" name="docNumber" value="${f.docNumber}" placeholder="国办发明电〔${year - 1}〕×号"
        /></label>
        <label>发布日期 <input type="date" name="issuedOn" value="${f.issuedOn}" ${ties('issuedOn')} /></label>
      </div>
      <div class="btn-row">
        <button class="btn btn-secondary" type="submit" name="step" value="preview">读取并检查</button>
        <button class="btn" type="submit" name="step" value="save">保存并重新计算期限</button>
      </div>
    </form>`;
}
