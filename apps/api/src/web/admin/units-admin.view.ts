import { UNIT_KIND_LABELS } from '@duban/domain/labels/labels';
import { UNIT_KINDS } from '../../units/unit-kinds';
import { UnitViewDto } from '../../units/unit-view.dto';
import { FormRefusal, refusalFor } from '../layout/form-refusal';
import { html, raw, SafeHtml } from '../layout/html';
import { tableOrEmpty } from '../layout/table-or-empty';
import { adminTabs } from './admin-tabs.view';

export interface UnitsPageState {
  csrf: string;
  refusal: FormRefusal | null;
  /** The code of the unit just created or saved. */
  saved: string | null;
}

/** 单位: every unit with its aliases, and the form to add one. */
export function unitsBody(units: readonly UnitViewDto[], state: UnitsPageState): SafeHtml {
  const savedUnit = units.find((u) => u.code === state.saved);
  return html`${adminTabs('units')}
    ${savedUnit ? html`<p class="notice" role="status" id="unit-saved">已保存单位「${savedUnit.name}」。</p>` : ''}
    ${tableOrEmpty({
      id: 'units',
      className: 'stack-sm',
      columns: ['名称', '类别', '别名（其他文件中的叫法）', '上级机关', '代码', '状态', ''],
      rows: units,
      empty: '还没有单位。请在下面新增，或导入人员名单时一并建立。',
      row: (u) =>
        html`<tr id="unit-${u.code}">
          <td data-label="名称">${u.name}</td>
          <td data-label="类别">${UNIT_KIND_LABELS[u.kind] ?? u.kind}</td>
          <td data-label="别名">${u.aliases.join('、') || '—'}</td>
          <td data-label="上级机关">${u.parentBody ?? '—'}</td>
          <td data-label="代码" class="nowrap">${u.code}</td>
          <td data-label="状态">${u.active ? '启用' : '已停用'}</td>
          <td><a href="/ui/admin/units/${encodeURIComponent(u.code)}" aria-label="修改 ${u.name}">修改</a></td>
        </tr>`,
    })}
    <section class="card" aria-labelledby="new-unit">
      <h2 id="new-unit">新增单位</h2>
      ${unitForm('/ui/admin/units', null, state)}
    </section>`;
}

/** One unit's page: rename, aliases, kind, parent body, deactivate. */
export function unitEditBody(unit: UnitViewDto, state: UnitsPageState): SafeHtml {
  return html`${adminTabs('units')}
    ${state.saved ? html`<p class="notice" role="status" id="unit-saved">已保存。</p>` : ''}
    <section class="card" aria-labelledby="edit-unit">
      <h2 id="edit-unit">修改单位 ${unit.name}</h2>
      ${unitForm(`/ui/admin/units/${encodeURIComponent(unit.code)}`, unit, state)}
    </section>
    <p><a href="/ui/admin/units">返回单位列表</a></p>`;
}

function unitForm(action: string, unit: UnitViewDto | null, state: UnitsPageState): SafeHtml {
  const form = unit ? 'unit-edit' : 'unit-new';
  const r = refusalFor(state.refusal, form);
  const value = (name: string, stored: string) => (r.refused ? r.value(name) : stored);
  const kind = value('kind', unit?.kind ?? 'section');
  return html`<form method="post" action="${action}">
    <input type="hidden" name="_csrf" value="${state.csrf}" />
    ${r.message()}
    <div class="form-grid">
      <label
        >名称
        <input
          type="text"
          name="name"
          required
          maxlength="128"
          value="${value('name', unit?.name ?? '')}"
          ${r.ties('name')}
      /></label>
      ${
        unit
          ? html`<label>代码 <input type="text" value="${unit.code}" readonly aria-describedby="code-rule" /></label>`
          : html`<label
              >代码（可不填）
              <input
                type="text"
                name="code"
                maxlength="64"
                pattern="[a-z0-9][a-z0-9\\-]*"
                aria-describedby="code-rule"
                value="${value('code', '')}"
                ${r.ties('code')}
            /></label>`
      }
      <label
        >类别
        <select name="kind" ${r.ties('kind')}>
          ${UNIT_KINDS.map(
            (k) => html`<option value="${k}" ${k === kind ? raw('selected') : ''}>${UNIT_KIND_LABELS[k]}</option>`,
          )}
        </select></label
      >
      <label
        >上级机关（可不填）
        <input
          type="text"
          name="parentBody"
          maxlength="128"
          value="${value('parentBody', unit?.parentBody ?? '')}"
          ${r.ties('parentBody')}
      /></label>
      <label class="wide"
        >别名：其他文件里对本单位的叫法，每行一个或用顿号分隔（导入计划和人员名单时按别名认出本单位）
        <textarea name="aliases" rows="2" ${r.ties('aliases')}>
${value('aliases', unit?.aliases.join('\n') ?? '')}</textarea>
      </label>
      ${
        unit
          ? html`<label class="wide checks"
              ><input type="checkbox" name="active" value="1" ${unit.active ? raw('checked') : ''} />
              启用（停用后不能再交办新任务，历史记录保留）</label
            >`
          : ''
      }
    </div>
    <p class="muted" id="code-rule">代码用于系统内部，只能含小写字母、数字和连字符，建立后不能修改；不填则自动生成。</p>
    <button class="btn" type="submit">${unit ? '保存' : '新增单位'}</button>
  </form>`;
}
