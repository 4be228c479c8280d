import { IndicatorStatusView } from '@duban/domain/kpi/indicator-status';
import { html, raw, SafeHtml } from '../layout/html';
import { FormRefusal, refusalFor } from '../layout/form-refusal';
import { formatDateTime } from '../view-model/format';
import {
  COMPARATOR_SIGNS,
  ESCALATION_LEVEL_LABELS,
  INDICATOR_LIGHT_LABELS,
  PERIOD_LABELS,
  QUALITATIVE_STATUS_LABELS,
} from '@duban/domain/labels/labels';

export type IndicatorPageData = IndicatorStatusView & {
  ownerUnitName: string | null;
  seq: number;
  reminders: { period: string; kind: string; level: number; at: string }[];
};

/** One indicator: its standing and method, readings, reminders sent, and the entry forms. */
export function indicatorPageBody(
  s: IndicatorPageData,
  opts: {
    csrf: string;
    canReport: boolean;
    canRate: boolean;
    notice?: string;
    /** A refused entry or rating, shown in its form. */
    refusal?: FormRefusal;
    units?: { code: string; name: string }[];
  },
): SafeHtml {
  const target =
    s.target === null ? '定性目标' : `${COMPARATOR_SIGNS[s.comparator ?? ''] ?? ''}${s.target}${s.unit ?? ''}`;
  const days = s.method === 'ratio-of-days';
  return html`${opts.notice ? html`<p class="notice">${opts.notice}</p>` : ''}
    <section class="card">
      <dl class="kv">
        <dt>目标</dt>
        <dd>目标${s.targetCode}（${s.planId}）：${s.name}</dd>
        <dt>目标值</dt>
        <dd>${target}${s.aspirational ? '（力争）' : ''}</dd>
        <dt>责任单位</dt>
        <dd>${s.ownerUnitName ?? '未指定'}</dd>
        <dt>报送周期</dt>
        <dd>${s.qualitative ? '年终评定' : PERIOD_LABELS[s.period]}</dd>
        <dt>计算方法</dt>
        <dd>${s.methodText}</dd>
        <dt>年初至今</dt>
        <dd>${s.ytd === null ? '—' : `${s.ytd}${s.unit ?? ''}`}</dd>
        <dt>预警</dt>
        <dd><span class="light light-${s.light}">${INDICATOR_LIGHT_LABELS[s.light]}</span> ${s.lightReason}</dd>
        <dt>剩余期需达到</dt>
        <dd>${s.neededRemaining === null ? '—' : `${s.neededRemaining}${s.unit ?? ''}`}</dd>
        <dt>缺报期间</dt>
        <dd>${s.missingPeriods.length ? s.missingPeriods.join('、') : '无'}</dd>
      </dl>
    </section>
    ${s.qualitative ? qualitativeForm(s, opts) : readingSections(s, opts, days)}
    ${opts.canRate && !s.qualitative ? settingsForm(s, opts.csrf, opts.units ?? []) : ''}`;
}

/** A supervisor sets who reports and how often (the plan names neither). */
function settingsForm(s: IndicatorPageData, csrf: string, units: { code: string; name: string }[]): SafeHtml {
  return html`<section class="card">
    <h2>指标设置</h2>
    <form method="post" action="/ui/targets/${s.indicatorId}/settings" class="btn-row">
      <input type="hidden" name="_csrf" value="${csrf}" />
      <label
        >责任单位
        <select name="ownerUnit">
          ${units.map((u) => html`<option value="${u.code}" ${u.code === s.ownerUnit ? 'selected' : ''}>${u.name}</option>`)}
        </select></label
      >
      <label
        >报送周期
        <select name="reportingPeriod">
          ${Object.entries(PERIOD_LABELS).map(
            ([k, v]) => html`<option value="${k}" ${k === s.period ? 'selected' : ''}>${v}</option>`,
          )}
        </select></label
      >
      <button class="btn" type="submit">保存设置</button>
    </form>
  </section>`;
}

function readingSections(
  s: IndicatorPageData,
  opts: { csrf: string; canReport: boolean; refusal?: FormRefusal },
  days: boolean,
): SafeHtml {
  const r = refusalFor(opts.refusal, 'reading');
  const csv = refusalFor(opts.refusal, 'csv');
  const numberBox = (name: string, label: string, attrs: SafeHtml) =>
    html`<label
      >${label} <input name="${name}" type="number" required ${attrs} value="${r.value(name)}" ${r.ties(name)}
    /></label>`;
  const rows = s.readings.map(
    (r) =>
      html`<tr>
        <td>${r.period}</td>
        <td class="num">${r.value}</td>
        ${
          days
            ? html`<td class="num">${r.goodDays ?? ''}</td>
                <td class="num">${r.validDays ?? ''}</td>`
            : ''
        }
        <td>${r.enteredByName ?? r.enteredBy ?? ''}</td>
        <td class="nowrap">${formatDateTime(r.enteredAt)}</td>
      </tr>`,
  );
  const reminders = s.reminders.map(
    (r) =>
      html`<li>
        ${formatDateTime(r.at)}：${r.period}
        ${r.kind === 'reminder' ? '催办' : (ESCALATION_LEVEL_LABELS[r.level ?? 0] ?? '督办')}
      </li>`,
  );
  const form = opts.canReport
    ? html`<section class="card">
          <h2>报送一期数据</h2>
          <form method="post" action="/ui/targets/${s.indicatorId}/readings" class="btn-row" data-form="reading">
            ${r.message()}
            <input type="hidden" name="_csrf" value="${opts.csrf}" />
            <label
              >期间
              <input
                name="period"
                required
                placeholder="2021-09"
                size="8"
                value="${r.value('period')}"
                ${r.ties('period')}
            /></label>
            ${
              days
                ? html`${numberBox('goodDays', '优良天数', raw('min="0" size="4"'))}
                  ${numberBox('validDays', '有效天数', raw('min="1" size="4"'))}`
                : numberBox('value', '数值', raw('step="any" size="8"'))
            }
            <label
              >单位 <input name="unit" value="${r.value('unit', s.unit ?? '')}" size="10" ${r.ties('unit')}
            /></label>
            <button class="btn" type="submit">报送</button>
          </form>
        </section>
        <section class="card">
          <h2>CSV 批量报送（本计划所有指标）</h2>
          <p class="muted">
            表头：indicator,period,value,unit,good_days,valid_days（indicator 为“目标编号.序号”，本指标为
            ${s.targetCode}.${s.seq}）。任一行有误则整个文件不写入，并列出出错行号。
          </p>
          <form
            method="post"
            action="/ui/targets/upload?planId=${s.planId}&back=${s.indicatorId}&_csrf=${opts.csrf}"
            enctype="multipart/form-data"
            class="btn-row"
            data-form="csv"
          >
            ${csv.message()}
            <input type="hidden" name="_csrf" value="${opts.csrf}" />
            <input
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              aria-label="报送数据 CSV 文件"
              ${csv.ties('file')}
            />
            <button class="btn" type="submit">上传</button>
          </form>
        </section>`
    : '';
  return html`<section class="card">
      <h2>报送记录</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>期间</th>
              <th class="num">数值</th>
              ${
                days
                  ? html`<th class="num">优良天数</th>
                      <th class="num">有效天数</th>`
                  : ''
              }
              <th>报送人</th>
              <th>报送时间</th>
            </tr>
          </thead>
          <tbody>
            ${
              rows.length
                ? rows
                : html`<tr>
                    <td colspan="${days ? 6 : 4}" class="muted">尚无数据</td>
                  </tr>`
            }
          </tbody>
        </table>
      </div>
      <h2>缺报催办与督办</h2>
      ${
        reminders.length
          ? html`<ul>
              ${reminders}
            </ul>`
          : html`<p class="muted">
              ${s.missingPeriods.length ? `尚未发出催办（缺报 ${s.missingPeriods.length} 期，见上方“缺报期间”）` : '无'}
            </p>`
      }
    </section>
    ${form}`;
}

function qualitativeForm(
  s: IndicatorPageData,
  opts: { csrf: string; canRate: boolean; refusal?: FormRefusal },
): SafeHtml {
  const current = s.qualitativeStatus;
  const r = refusalFor(opts.refusal, 'rating');
  return html`<section class="card">
    <h2>督查室评定</h2>
    ${
      current
        ? html`<p>
            ${QUALITATIVE_STATUS_LABELS[current.status]}：${current.note}（${current.by}，${current.at.slice(0, 10)}）
          </p>`
        : html`<p class="muted">尚未评定</p>`
    }
    ${
      opts.canRate
        ? html`<form method="post" action="/ui/targets/${s.indicatorId}/status" class="btn-row" data-form="rating">
            ${r.message()}
            <input type="hidden" name="_csrf" value="${opts.csrf}" />
            <select name="status" aria-label="评定状态" ${r.ties('status')}>
              ${Object.entries(QUALITATIVE_STATUS_LABELS).map(
                ([k, v]) =>
                  html`<option value="${k}" ${r.value('status', current?.status ?? '') === k ? 'selected' : ''}>
                    ${v}
                  </option>`,
              )}
            </select>
            <input
              name="note"
              placeholder="说明"
              aria-label="评定说明"
              size="40"
              value="${r.value('note', current?.note ?? '')}"
              ${r.ties('note')}
            />
            <button class="btn" type="submit">保存</button>
          </form>`
        : ''
    }
  </section>`;
}
