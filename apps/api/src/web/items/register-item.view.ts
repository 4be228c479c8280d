import { randomUUID } from 'node:crypto';
import { DEFAULT_URGENCY_WORKDAYS, URGENCY_CLASSES } from '@duban/domain/items/urgency';
import { SOURCE_KIND_LABELS, TASK_KIND_LABELS, URGENCY_LABELS } from '@duban/domain/labels/labels';
import { DEFAULT_POLICY, DEFAULT_RECEIPT_WORKDAYS, MAX_RECEIPT_WORKDAYS } from '@duban/domain/task/task-types';
import { BatchRow } from '@duban/persistence/repositories/plan-repository';
import { REGISTERED_KINDS, REGISTERED_SOURCES } from '../../items/register-item.dto';
import { UnitViewDto } from '../../units/unit-view.dto';
import { FormRefusal, refusalFor } from '../layout/form-refusal';
import { html, raw, SafeHtml } from '../layout/html';
import { unitCheckboxes } from '../layout/unit-checkboxes';

export interface RegisterItemPageState {
  csrf: string;
  refusal: FormRefusal | null;
}

const KIND_HINTS: Record<string, string> = {
  assigned: '办理 → 销号',
  annual: '工作方案 → 季度进展 → 完成 → 销号',
  rectification: '整改方案 → 整改实施 → 验收 → 销号',
};

/** 立项: register one supervised item (a leader's instruction, a meeting decision, …). */
export function registerItemBody(
  units: readonly UnitViewDto[],
  batches: readonly BatchRow[],
  state: RegisterItemPageState,
): SafeHtml {
  const r = refusalFor(state.refusal, 'item');
  const v = (name: string, fallback = '') => r.value(name, fallback);
  const active = units.filter((u) => u.active);
  const chosen = (name: string, value: string, fallback: string) =>
    v(name, fallback) === value ? raw('selected') : '';
  const cooperating = new Set(v('cooperatingUnits').split(',').filter(Boolean));
  return html`<section class="card" aria-labelledby="register">
    <h2 id="register">登记督办事项</h2>
    <p class="muted">
      领导批示、会议议定、上级交办、建议提案、督察整改等事项在此立项：立项后与工作要点的任务一样交办、催办、督办、销号，
      在台账中按「来源」筛选。
    </p>
    <form method="post" action="/ui/items?_csrf=${encodeURIComponent(state.csrf)}" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value="${state.csrf}" />
      <input type="hidden" name="requestId" value="${v('requestId', randomUUID())}" />
      ${r.message()}
      <div class="form-grid">
        <label class="wide"
          >事项名称 <input type="text" name="title" required maxlength="200" value="${v('title')}" ${r.ties('title')}
        /></label>
        <label class="wide"
          >事项内容（批示原文、会议要求，可不填）
          <textarea name="body" rows="3" maxlength="5000" ${r.ties('body')}>${v('body')}</textarea>
        </label>
        <label
          >来源类别
          <select name="sourceKind" ${r.ties('sourceKind')}>
            ${REGISTERED_SOURCES.map(
              (k) =>
                html`<option value="${k}" ${chosen('sourceKind', k, 'instruction')}>${SOURCE_KIND_LABELS[k]}</option>`,
            )}
          </select></label
        >
        <label
          >交办单位 / 批示领导 / 会议（可不填）
          <input type="text" name="issuer" maxlength="128" value="${v('issuer')}" ${r.ties('issuer')}
        /></label>
        <label
          >文号（可不填）
          <input type="text" name="docNumber" maxlength="64" value="${v('docNumber')}" ${r.ties('docNumber')}
        /></label>
        <label
          >来文日期（可不填） <input type="date" name="issuedOn" value="${v('issuedOn')}" ${r.ties('issuedOn')}
        /></label>
        <label class="wide"
          >来源文件（批示件、会议纪要、交办函的扫描件或电子版，可不传；PDF、Word、Excel、图片${
            r.refused ? '；未提交成功的文件须重新选择' : ''
          }）
          <input
            type="file"
            name="attachment"
            accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.txt"
            ${r.ties('attachment')}
        /></label>
        <label
          >牵头单位
          <select name="leadUnit" required ${r.ties('leadUnit')}>
            <option value="">请选择</option>
            ${active.map((u) => html`<option value="${u.code}" ${chosen('leadUnit', u.code, '')}>${u.name}</option>`)}
          </select></label
        >
        ${unitCheckboxes('cooperatingUnits', '配合单位（可不选）', active, cooperating, r.ties('cooperatingUnits'))}
        <label
          >核实单位（可不选：由督查室核实；选定后其负责人也可核实销号）
          <select name="verifyingUnit" ${r.ties('verifyingUnit')}>
            <option value="">督查室</option>
            ${active.map(
              (u) => html`<option value="${u.code}" ${chosen('verifyingUnit', u.code, '')}>${u.name}</option>`,
            )}
          </select></label
        >
        <fieldset class="wide">
          <legend>办结期限：填写日期，或选择紧急程度（按工作日推算，节假日和调休不计）</legend>
          <div class="form-grid">
            <label>办结期限 <input type="date" name="dueDate" value="${v('dueDate')}" ${r.ties('dueDate')} /></label>
            <label
              >紧急程度
              <select name="urgency" ${r.ties('urgency')}>
                <option value="">—</option>
                ${URGENCY_CLASSES.map(
                  (u) =>
                    html`<option value="${u}" ${chosen('urgency', u, '')}>
                      ${URGENCY_LABELS[u]}（${DEFAULT_URGENCY_WORKDAYS[u]} 个工作日）
                    </option>`,
                )}
              </select></label
            >
          </div>
        </fieldset>
        <label
          >催办：到期前几个工作日（用顿号分隔，0 为到期当日；不填为 ${DEFAULT_POLICY.reminderOffsets.join('、')}）
          <input
            type="text"
            name="reminderOffsets"
            inputmode="numeric"
            value="${v('reminderOffsets')}"
            ${r.ties('reminderOffsets')}
        /></label>
        <label
          >督办：逾期几个工作日后升至股长、分管领导、督查室（不填为
          ${DEFAULT_POLICY.ladder.map((l) => l.afterWorkdays).join('、')}）
          <input
            type="text"
            name="escalationAfterWorkdays"
            inputmode="numeric"
            value="${v('escalationAfterWorkdays')}"
            ${r.ties('escalationAfterWorkdays')}
        /></label>
        <label
          >签收：牵头单位负责人须在几个工作日内签收（0 为不需签收；不填为特急 1、其他 ${DEFAULT_RECEIPT_WORKDAYS}）
          <input
            type="number"
            name="receiptWorkdays"
            min="0"
            max="${MAX_RECEIPT_WORKDAYS}"
            step="1"
            inputmode="numeric"
            value="${v('receiptWorkdays')}"
            ${r.ties('receiptWorkdays')}
        /></label>
        <label
          >阶段
          <select name="kind" ${r.ties('kind')}>
            ${REGISTERED_KINDS.map(
              (k) =>
                html`<option value="${k}" ${chosen('kind', k, 'assigned')}>
                  ${TASK_KIND_LABELS[k]}：${KIND_HINTS[k]}
                </option>`,
            )}
          </select></label
        >
        <label
          >批次
          <select name="batchId" ${r.ties('batchId')}>
            <option value="">新建批次</option>
            ${batches.map(
              (b) =>
                html`<option value="${b.id}" ${chosen('batchId', b.id, '')}>
                  ${b.title}（${SOURCE_KIND_LABELS[b.sourceKind] ?? b.sourceKind}，${b.items} 项）
                </option>`,
            )}
          </select></label
        >
        <label
          >新批次名称（如「2027年第1次局务会议定事项」，可不填）
          <input type="text" name="batchTitle" maxlength="200" value="${v('batchTitle')}" ${r.ties('batchTitle')}
        /></label>
      </div>
      <button class="btn" type="submit">立项并交办</button>
    </form>
  </section>`;
}
