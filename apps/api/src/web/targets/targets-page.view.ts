import { IndicatorStatusView } from '@duban/domain/kpi/indicator-status';
import { html, SafeHtml } from '../layout/html';
import { lightBadge } from '../view-model/labels';
import { planSelect, PlanOption } from '../pages/overview.view';
import { COMPARATOR_SIGNS, PERIOD_LABELS } from '@duban/domain/labels/labels';

function targetText(i: IndicatorStatusView): string {
  if (i.qualitative || i.target === null) return '定性目标';
  const cmp = i.comparator ? (COMPARATOR_SIGNS[i.comparator] ?? i.comparator) : '';
  return `${cmp} ${i.target}${i.unit ?? ''}${i.aspirational ? '（力争）' : ''}`;
}

function ytdText(i: IndicatorStatusView): string {
  if (i.qualitative) return i.qualitativeStatus ? i.qualitativeStatus.note || i.qualitativeStatus.status : '—';
  return i.ytd === null ? '暂无数据' : `${Math.round(i.ytd * 100) / 100}${i.unit ?? ''}`;
}

/** 目标: every indicator of the plan against its target line, with the year-to-date standing. */
export function targetsBody(
  indicators: IndicatorStatusView[],
  plans: PlanOption[],
  planId: string,
  asOf: string,
  unitName: (c: string) => string,
): SafeHtml {
  return html`<form class="filters" method="get" action="/ui/targets">
      ${planSelect(plans, planId, '请选择计划')}
      <button class="btn btn-secondary" type="submit">查看</button>
    </form>
    ${
      !planId
        ? html`<p class="muted">尚未导入工作要点。</p>`
        : indicators.length === 0
          ? html`<p class="muted">该计划没有主要目标指标。</p>`
          : html`<p class="muted">截至 ${asOf}</p>
              <div class="table-wrap">
                <table id="targets-table">
                  <thead>
                    <tr>
                      <th>目标</th>
                      <th>指标</th>
                      <th>目标值</th>
                      <th>年度累计</th>
                      <th>灯</th>
                      <th>说明</th>
                      <th class="hide-sm">报送</th>
                      <th class="hide-sm">责任单位</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${indicators.map(
                      (i) =>
                        html`<tr data-indicator="${i.indicatorId}">
                          <td class="nowrap">${i.targetCode}</td>
                          <td><a href="/ui/targets/${i.indicatorId}">${i.name}</a></td>
                          <td class="nowrap" data-col="target">${targetText(i)}</td>
                          <td class="nowrap" data-col="ytd">${ytdText(i)}</td>
                          <td>${lightBadge(i.light)}</td>
                          <td>
                            ${i.lightReason}${i.missingPeriods.length ? html`<br /><span class="muted">缺报：${i.missingPeriods.join('、')}</span>` : ''}
                          </td>
                          <td class="nowrap hide-sm">
                            ${i.qualitative ? '年终评定' : (PERIOD_LABELS[i.period] ?? i.period)}
                          </td>
                          <td class="nowrap hide-sm">${i.ownerUnit ? unitName(i.ownerUnit) : '未指定'}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
    }`;
}
