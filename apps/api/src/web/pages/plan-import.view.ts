import { UnitMapping } from '@duban/domain/plan/unit-mappings';
import { UnknownUnitName } from '@duban/domain/plan/unit-resolution';
import { DraftDeadline, DraftProblem, PlanDraft } from '@duban/workplan/draft/plan-draft';
import { KnownUnit } from '../../plans/plan-preview.service';
import { ImportResult } from '../../plans/plan-import.types';
import { html, raw, SafeHtml } from '../layout/html';
import { DEFAULT_RECEIPT_WORKDAYS, MAX_RECEIPT_WORKDAYS } from '@duban/domain/task/task-types';
import { jsonForScript } from '../view-model/json-for-script';

const EVERY_LABELS = { month: '每月', quarter: '每季度', 'half-year': '每半年', year: '每年' } as const;

/** A deadline as the preview table shows it without the editor. */
export function deadlineLabel(d: DraftDeadline): string {
  switch (d.kind) {
    case 'date':
      return d.dates.join('、') || '（未填日期）';
    case 'recurring':
      return `周期报送：${EVERY_LABELS[d.every]}`;
    case 'ongoing':
      return '长期坚持';
    default:
      return '未写（按年底）';
  }
}

/** Step 1: choose the document (and the year, for a document that names none). */
export function uploadBody(csrf: string, error: string | null, thisYear: number): SafeHtml {
  const years = [thisYear - 1, thisYear, thisYear + 1];
  return html`<p class="muted">
      上传工作要点、任务分解表、整改清单或督办事项清单（.docx、.xlsx、.txt、.html），系统读出每一项任务及其牵头单位、配合单位和期限。
      导入前可逐行核对和修改，确认后一次性导入并开始督办；导入前不会写入任何数据。
    </p>
    ${error ? html`<div class="notice notice-error" role="alert" id="import-error">${error}</div>` : ''}
    <form
      method="post"
      action="/ui/plans/import?_csrf=${encodeURIComponent(csrf)}"
      enctype="multipart/form-data"
      class="card"
      id="upload-form"
    >
      <input type="hidden" name="_csrf" value="${csrf}" />
      <p>
        <label for="plan-file">计划文件</label><br />
        <input
          id="plan-file"
          name="file"
          type="file"
          required
          accept=".docx,.xlsx,.txt,.html,.htm,.json,.yaml,.yml"
          ${error ? raw('aria-invalid="true" aria-describedby="import-error plan-file-hint" autofocus') : raw('aria-describedby="plan-file-hint"')}
        />
        <br /><span class="muted" id="plan-file-hint">旧版 .doc / .xls 请先另存为 .docx / .xlsx。</span>
      </p>
      <p>
        <label for="fallback-year">文件未写年度时按</label>
        <select id="fallback-year" name="fallbackYear">
          <option value="">（文件中写明了年度）</option>
          ${years.map((y) => html`<option value="${y}">${y} 年</option>`)}
        </select>
      </p>
      <p><button class="btn" type="submit">读取并预览</button></p>
    </form>`;
}

export interface EditorState {
  csrf: string;
  fileName: string;
  draft: PlanDraft;
  units: KnownUnit[];
  unknownUnits: UnknownUnitName[];
  mappings: UnitMapping[];
  problems: DraftProblem[];
  /** An error of the import itself (a unit refused, the plan changed and needs confirming). */
  error: string | null;
  /** The plan was imported before in another version: importing again applies the changes. */
  revision: { added: number; removed: number; changed: number } | null;
  planId: string;
  /** 签收 workdays as typed (kept when the page comes back with an error). */
  receiptWorkdays?: string;
  /** 序时进度 as chosen (kept when the page comes back with an error). */
  progress?: string;
  /** The form field the error is about, marked invalid. */
  errorField?: string | null;
}

/** The 序时进度 curves a bureau picks from at import (the API takes any `parseProgressPolicy` text). */
const PROGRESS_CHOICES: [string, string][] = [
  ['linear', '全年均匀推进（默认）'],
  ['quarterly:20,50,80,100', '季度节点：一季度末 20%、二季度末 50%、三季度末 80%、年底 100%'],
  ['s-curve', '前慢中快后慢（工程建设类）'],
];

/**
 * Step 2: the parsed plan as a table to correct. Without scripts it is a read-only table and the
 * plan can be imported as read; the editor script (plan-import.js) makes every cell editable, adds
 * split / merge / delete / add row and the decisions for unknown unit names, and keeps the hidden
 * draft field up to date.
 */
export function editorBody(s: EditorState): SafeHtml {
  const m = s.draft.metadata;
  const problemsByRow = new Map<number, string[]>();
  for (const p of s.problems)
    if (p.row !== null) problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p.message]);
  return html`<div id="plan-import" data-rows="${s.draft.rows.length}">
    <p id="plan-summary">
      <strong>${m.title}</strong> · ${m.year}
      年${m.issuer ? html` · ${m.issuer}` : ''}${m.docNumber ? html` · ${m.docNumber}` : ''} · 文件 ${s.fileName} · 共
      <span id="row-count">${s.draft.rows.length}</span> 个任务、${s.draft.targets.length} 项目标
    </p>
    ${s.error ? html`<div class="notice notice-error" role="alert" id="import-error" tabindex="-1" autofocus>${s.error}</div>` : ''}
    ${
      s.problems.length
        ? html`<div
            class="notice notice-error"
            role="alert"
            id="draft-problems"
            tabindex="-1"
            ${s.error ? '' : raw('autofocus')}
          >
            <p>请先修改以下 ${s.problems.length} 处：</p>
            <ul>
              ${s.problems.map((p) => html`<li>${p.message}</li>`)}
            </ul>
          </div>`
        : ''
    }
    ${
      s.draft.notes.length
        ? html`<div class="notice notice-warn" id="plan-notes">
            <ul>
              ${s.draft.notes.map((n) => html`<li>${n.message.split(' / ')[0]}</li>`)}
            </ul>
          </div>`
        : ''
    }
    <section id="unit-decisions" aria-labelledby="unit-decisions-title" class="card">
      <h2 id="unit-decisions-title">未知的单位名称</h2>
      <div id="unit-decisions-body">
        ${
          s.unknownUnits.length === 0
            ? html`<p class="muted">所有单位名称都已对上单位表。</p>`
            : html`<p>以下名称在单位表中没有，请对应到已有单位（以后导入自动识别），或新建为单位：</p>
                <ul>
                  ${s.unknownUnits.map((u) => html`<li data-unknown="${u.name}">${u.name}（第 ${u.lines.join('、')} 行）</li>`)}
                </ul>`
        }
      </div>
    </section>
    <div class="table-wrap" tabindex="0" role="region" aria-label="预览的任务表">
      <table id="draft-table">
        <caption class="muted">
          每行一个督办任务；有提示的行请核对。
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">原编号</th>
            <th scope="col">任务</th>
            <th scope="col">牵头单位</th>
            <th scope="col">配合单位</th>
            <th scope="col">期限</th>
            <th scope="col">来源</th>
            <th scope="col">提示</th>
          </tr>
        </thead>
        <tbody id="draft-rows">
          ${s.draft.rows.map((r, i) => {
            const notes = [...r.warnings, ...(problemsByRow.get(i) ?? [])];
            return html`<tr data-row="${i}" class="${problemsByRow.has(i) ? 'row-problem' : ''}">
              <td class="num">${i + 1}</td>
              <td class="nowrap">${r.code}</td>
              <td>${r.group ? html`<span class="muted">${r.group} › </span>` : ''}${r.title}</td>
              <td>${r.lead || '—'}</td>
              <td>${r.cooperating.join('、') || '—'}</td>
              <td>${deadlineLabel(r.deadline)}</td>
              <td class="nowrap">${r.source.cell ?? `第 ${r.source.line} 行`}</td>
              <td>
                ${
                  notes.length
                    ? html`<ul class="row-notes">
                        ${notes.map((n) => html`<li>${n}</li>`)}
                      </ul>`
                    : ''
                }
              </td>
              <td></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p><button type="button" class="btn btn-secondary" id="add-row" hidden>在末尾添加一行</button></p>
    <form
      method="post"
      action="/ui/plans/import/confirm?_csrf=${encodeURIComponent(s.csrf)}"
      enctype="multipart/form-data"
      id="draft-form"
      class="card"
    >
      <input type="hidden" name="_csrf" value="${s.csrf}" />
      <input type="hidden" name="fileName" value="${s.fileName}" />
      <textarea name="draft" id="draft-field" hidden>${JSON.stringify(s.draft)}</textarea>
      <textarea name="mappings" id="mappings-field" hidden>${JSON.stringify(s.mappings)}</textarea>
      <p>
        <label for="plan-id">计划标识（可不填，默认由年度和标题生成）</label><br />
        <input id="plan-id" name="planId" value="${s.planId}" pattern="[a-z0-9][a-z0-9-]{1,62}[a-z0-9]" />
      </p>
      <p>
        <label for="receipt-workdays">签收期限：各牵头单位负责人须在几个工作日内签收（0 为不需签收）</label><br />
        <input
          id="receipt-workdays"
          name="receiptWorkdays"
          type="number"
          min="0"
          max="${MAX_RECEIPT_WORKDAYS}"
          step="1"
          inputmode="numeric"
          value="${s.receiptWorkdays ?? DEFAULT_RECEIPT_WORKDAYS}"
          ${s.errorField === 'receiptWorkdays' ? raw('aria-invalid="true" aria-describedby="import-error"') : ''}
        />
      </p>
      <p>
        <label for="progress-policy"
          >序时进度：按什么进度衡量各项任务是否落后（落后 10 个百分点黄灯、30 个以上红灯）</label
        ><br />
        <select
          id="progress-policy"
          name="progress"
          ${s.errorField === 'progress' ? raw('aria-invalid="true" aria-describedby="import-error"') : ''}
        >
          ${PROGRESS_CHOICES.map(
            ([value, name]) =>
              html`<option value="${value}" ${(s.progress || 'linear') === value ? raw('selected') : ''}>
                ${name}
              </option>`,
          )}
        </select>
      </p>
      ${
        s.revision
          ? html`<p id="revision-confirm">
              <label
                ><input type="checkbox" name="confirm" value="1" /> 该计划已导入过：确认按本次内容修订（新增
                ${s.revision.added} 项、删除 ${s.revision.removed} 项、修改 ${s.revision.changed} 项）</label
              >
            </p>`
          : ''
      }
      <p id="submit-hint" class="muted" role="status" aria-live="polite"></p>
      <p class="btn-row">
        <button class="btn" type="submit" id="import-button">确认导入并开始督办</button>
        <a class="btn btn-secondary" href="/ui/plans/import">重新选择文件</a>
      </p>
    </form>
    <script type="application/json" id="plan-import-data">
      ${jsonForScript({ units: s.units })}
    </script>
  </div>`;
}

/** Step 3: what the import did. */
export function resultBody(r: ImportResult): SafeHtml {
  const units = [
    ...r.createdUnits.map((n) => `新建单位 ${n}`),
    ...(r.aliasesAdded ?? []).map((a) => `“${a.alias}”记为 ${a.code} 的别名`),
  ];
  return html`<div class="notice" role="status" id="import-done">
      已导入《${r.title}》：${r.counts.leaves} 个任务、${r.counts.targets} 项目标；${r.workflows.started}
      个督办流程已开始${r.workflows.existing ? `，${r.workflows.existing} 个已在运行` : ''}。
    </div>
    ${
      units.length
        ? html`<ul id="import-units">
            ${units.map((u) => html`<li>${u}</li>`)}
          </ul>`
        : ''
    }
    <p class="btn-row">
      <a class="btn" href="/ui/ledger?planId=${encodeURIComponent(r.planId)}">查看台账</a>
      <a class="btn btn-secondary" href="/ui/plans/import">再导入一份</a>
    </p>`;
}
