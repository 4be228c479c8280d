import { ROLE_LABELS } from '@duban/domain/labels/labels';
import { ROSTER_HEADINGS, RosterField } from '@duban/domain/roster/roster-columns';
import { RosterPlan, RosterRow } from '@duban/domain/roster/roster-plan';
import { UnitViewDto } from '../../units/unit-view.dto';
import { RosterImportResult } from '../../users/roster/roster-import.service';
import { html, SafeHtml } from '../layout/html';
import { tableOrEmpty } from '../layout/table-or-empty';
import { adminTabs } from './admin-tabs.view';

const ACTION_LABELS: Record<RosterRow['action'], string> = { create: '新建', update: '更新', unchanged: '无变化' };
const SHOWN: readonly RosterField[] = [
  'displayName',
  'username',
  'unit',
  'role',
  'mobile',
  'email',
  'deputyUnits',
  'status',
];

/** 导入人员名单: the upload form, with what the sheet should hold. */
export function rosterUploadBody(csrf: string, error: string | null): SafeHtml {
  return html`${adminTabs('roster')}
    <section class="card" aria-labelledby="upload">
      <h2 id="upload">上传人员名单</h2>
      <p>
        上传本局现有的花名册（.xlsx 或 .csv）。系统按表头认列：${Object.values(ROSTER_HEADINGS).join('、')}
        （也认「科室」「部门」「职务」「手机号码」「电子邮箱」等常见写法）。先检查、后导入：检查不写入任何内容；
        有任何一行有误时整张表都不导入。
      </p>
      <ul>
        <li>用户名不填时以手机号作为用户名。</li>
        <li>职务写「科员」「股长」「副局长」等即可；副股长按承办人导入，需要审批权限的请写「股长」。</li>
        <li>表中出现而系统没有的股室会一并新建；已有的股室按名称或别名认出。</li>
        <li>分管领导在「分管单位」列写所分管的股室，用顿号分隔。</li>
        <li>已有账号（同一用户名）按表更新，不改密码；新账号各得一个一次性初始密码。</li>
      </ul>
      ${error ? html`<p class="error" role="alert" id="roster-error" tabindex="-1" autofocus>${error}</p>` : ''}
      <form method="post" action="/ui/admin/roster?_csrf=${csrf}" enctype="multipart/form-data">
        <input type="hidden" name="step" value="preview" />
        <label>名单文件 <input type="file" name="file" accept=".xlsx,.csv" required /></label>
        <button class="btn" type="submit">检查名单</button>
      </form>
      <p class="muted">
        可先<a href="/ui/admin/accounts/export.xlsx" download>导出现有人员名单</a>，在 Excel 或 WPS 中修改后再导入。
      </p>
    </section>`;
}

/** What the sheet would do, row by row; the import button only when no row has a problem. */
export function rosterPreviewBody(
  plan: RosterPlan,
  units: readonly UnitViewDto[],
  form: { csrf: string; fileName: string; sheet: string },
): SafeHtml {
  const unitName = new Map([
    ...units.map((u) => [u.code, u.name] as const),
    ...plan.newUnits.map((u) => [u.code, u.name] as const),
  ]);
  const bad = plan.rows.filter((r) => r.problems.length > 0);
  const counts = (action: RosterRow['action']) =>
    plan.rows.filter((r) => r.problems.length === 0 && r.action === action).length;
  return html`${adminTabs('roster')}
    <h2>检查结果：${form.fileName}</h2>
    ${
      bad.length > 0
        ? html`<p class="error" role="alert" id="roster-problems" tabindex="-1" autofocus>
            ${bad.length} 行有问题（共 ${plan.problemCount} 处），整张表未导入：第
            ${bad.map((r, i) => html`${i ? '、' : ''}<a href="#row-${r.line}">${r.line}</a>`)}
            行。请在表中改正这些行后重新上传。
          </p>`
        : html`<p class="notice" role="status" id="roster-ready">
            共 ${plan.rows.length} 行，没有问题：将新建 ${counts('create')} 个账号，更新 ${counts('update')} 个，
            ${counts('unchanged')} 个无变化${plan.newUnits.length ? `，新建单位 ${plan.newUnits.length} 个` : ''}。
          </p>`
    }
    ${plan.columns.ignored.length ? html`<p class="muted">未使用的列：${plan.columns.ignored.join('、')}</p>` : ''}
    ${
      plan.newUnits.length
        ? html`<p id="new-units">
            将新建的单位：${plan.newUnits.map((u) => `${u.name}（第 ${u.lines.join('、')} 行）`).join('；')}
          </p>`
        : ''
    }
    ${tableOrEmpty({
      id: 'roster-rows',
      className: 'stack-sm',
      columns: ['行', ...SHOWN.map((f) => ROSTER_HEADINGS[f]), '导入后', '问题'],
      rows: plan.rows,
      empty: '表中没有人员。',
      row: (r) =>
        html`<tr class="${r.problems.length ? 'row-problem' : ''}" id="row-${r.line}">
          <td data-label="行">${r.line}</td>
          ${SHOWN.map(
            (f) =>
              html`<td data-label="${ROSTER_HEADINGS[f]}" class="${f === 'displayName' ? 'nowrap' : ''}">
                ${cellShown(r, f, unitName)}
              </td>`,
          )}
          <td data-label="导入后">${r.problems.length ? '—' : ACTION_LABELS[r.action]}</td>
          <td data-label="问题">
            ${
              r.problems.length
                ? html`<ul class="row-notes">
                    ${r.problems.map((p) => html`<li>${p.field ? `${ROSTER_HEADINGS[p.field]}：` : ''}${p.message}</li>`)}
                  </ul>`
                : ''
            }
          </td>
        </tr>`,
    })}
    ${
      bad.length === 0 && plan.rows.length > 0
        ? html`<form method="post" action="/ui/admin/roster?_csrf=${form.csrf}" enctype="multipart/form-data">
            <input type="hidden" name="step" value="apply" />
            <input type="hidden" name="fileName" value="${form.fileName}" />
            <input type="hidden" name="sheet" value="${form.sheet}" />
            <button class="btn" type="submit">确认导入</button>
            <a class="btn btn-secondary" href="/ui/admin/roster">重新上传</a>
          </form>`
        : html`<p><a class="btn btn-secondary" href="/ui/admin/roster">重新上传</a></p>`
    }`;
}

/** What a cell becomes: the role and units as the system will know them. */
function cellShown(r: RosterRow, f: RosterField, unitName: Map<string, string>): string {
  const a = r.account;
  if (!a) return r.cells[f] ?? '';
  switch (f) {
    case 'role':
      return ROLE_LABELS[a.role];
    case 'unit':
      return a.unitCode ? (unitName.get(a.unitCode) ?? a.unitCode) : '';
    case 'deputyUnits':
      return a.deputyUnits.map((c) => unitName.get(c) ?? c).join('、');
    case 'status':
      return a.active ? '在职' : '停用';
    case 'username':
      return a.username;
    case 'mobile':
      return a.mobile ?? '';
    default:
      return r.cells[f] ?? '';
  }
}

/** The import done: the new accounts with their one-time passwords, shown this once. */
export function rosterResultBody(result: RosterImportResult): SafeHtml {
  return html`${adminTabs('roster')}
    <p class="notice" role="status" id="roster-imported">
      已导入：新建 ${result.created.length} 个账号，更新 ${result.updated} 个，${result.unchanged}
      个无变化${result.unitsCreated.length ? `；新建单位 ${result.unitsCreated.map((u) => u.name).join('、')}` : ''}。
    </p>
    ${
      result.created.length
        ? html`<p class="notice notice-warn">
            下面的初始密码只显示这一次：请打印或抄下后分别交给本人。每人首次登录时必须改为自己的密码。
          </p>`
        : ''
    }
    ${tableOrEmpty({
      id: 'initial-passwords',
      className: 'stack-sm',
      columns: ['姓名', '用户名', '初始密码'],
      rows: result.created,
      empty: '没有新建账号。',
      row: (c) =>
        html`<tr>
          <td data-label="姓名">${c.displayName}</td>
          <td data-label="用户名">${c.username}</td>
          <td data-label="初始密码"><span class="secret">${c.initialPassword}</span></td>
        </tr>`,
    })}
    <p><a href="/ui/admin/accounts">查看全部账号</a></p>`;
}
