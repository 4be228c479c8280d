import { progressText } from '@duban/domain/progress/expected-progress';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { stageLight } from '@duban/domain/task/traffic-light';
import { PlanMetadata } from '@duban/domain/plan/plan-tree';
import { elapsedText } from '@duban/domain/text/elapsed-text';
import { SOURCE_DOCUMENT_KEY } from '@duban/domain/items/source-document';
import { ActionRecord, RECEIPT_KEY, ReceiptState, StageState, TaskSnapshot } from '@duban/domain/task/task-types';
import { EscalationEntity, TaskEntity, TaskEventEntity } from '@duban/persistence/entities';
import type { EvidenceView } from '../../evidence/evidence.service';
import { html, SafeHtml } from '../layout/html';
import { ROLE_LABELS } from '../layout/page-layout';
import { PageAction } from '../view-model/available-actions';
import { formatDateTime } from '../view-model/format';
import {
  ESCALATION_LEVEL_LABELS,
  ESCALATION_TARGET_LABELS,
  EVENT_LABELS,
  label,
  lightBadge,
  PROBLEM_STATUS_LABELS,
  SOURCE_KIND_LABELS,
  STAGE_STATUS_LABELS,
  TASK_STATUS_LABELS,
} from '../view-model/labels';
import { ACTION_LABELS, actionForm, ActionFormContext, reopenForm } from './action-forms.view';
import { FormRefusal, refusalId } from '../layout/form-refusal';
import { tableOrEmpty } from '../layout/table-or-empty';
import { provisionalBadge } from '../layout/provisional-badge';

export interface TaskDetailInput {
  task: TaskEntity;
  /** One page of the timeline, newest first; `timelineNext` is the cursor of the older page. */
  timeline: TaskEventEntity[];
  timelineNext: string | null;
  comments: TaskEventEntity[];
  escalations: EscalationEntity[];
  evidence: EvidenceView[];
  /** Stages whose due date lies in a provisional calendar year (no holiday notice entered yet). */
  provisionalStages: Set<string>;
  nextDueProvisional: boolean;
  /** Supervisors and admins are told when the read model could not take the task's latest state. */
  showProjectionError: boolean;
  actions: PageAction[];
  /** Each problem's light of a rectification's ledger, by its workflow id. */
  problemLights?: Record<string, string>;
  /** A closed rectification this supervisor may reopen (反弹回潮). */
  canReopen?: boolean;
  names: Map<string, string>;
  unitName: (code: string | null) => string;
  form: ActionFormContext;
  /** A refused action: shown in its form, or above the forms when that action is no longer offered. */
  formError: FormRefusal | null;
  notice: string | null;
  /** The source document of a registered item (立项): its batch's details. */
  source?: PlanMetadata | null;
  now: number;
}

/** 整改台账: the problems registered on a rectification task, each a task of its own (一件一号). */
function problemLedger(s: TaskSnapshot, v: TaskDetailInput): SafeHtml {
  return html`<h2>整改台账</h2>
    ${tableOrEmpty({
      id: 'problem-table',
      columns: ['编号', '问题', '整改期限', '灯', '状态', '登记'],
      rows: s.problems ?? [],
      row: (p) =>
        html`<tr data-problem="${p.problemId}">
          <td>${p.problemId}</td>
          <td><a href="${taskPagePath(p.workflowId)}">${p.title}</a></td>
          <td class="nowrap">${formatDateTime(p.dueAt)}</td>
          <td data-col="light">${lightBadge(v.problemLights?.[p.workflowId] ?? 'none')}</td>
          <td>${label(PROBLEM_STATUS_LABELS, p.status)}${p.closedAt ? ` · ${formatDateTime(p.closedAt)}` : ''}</td>
          <td>${who(p.added, v)}</td>
        </tr>`,
      empty: '尚未登记整改问题。',
    })}`;
}

/** A refusal of an action the task no longer offers (someone acted first): the message takes the focus. */
function withdrawnActionError(error: FormRefusal): SafeHtml {
  return html`<p class="error" id="${refusalId(error.form)}" role="alert" tabindex="-1" autofocus>
    ${ACTION_LABELS[error.form as PageAction] ?? '操作'}未完成：${error.message}
  </p>`;
}

/** 签收 of the current assignment in words: awaited by when, acknowledged by whom and how fast, or declined why. */
function receiptText(r: ReceiptState, v: TaskDetailInput): string {
  const unit = v.unitName(r.ownerUnit);
  if (r.status === 'approved' && r.approval) {
    return `${unit}已签收（${who(r.approval, v)}，${formatDateTime(r.approval.at)}，用时${elapsedText(r.assignedAt, r.approval.at)}）`;
  }
  if (r.status === 'returned' && r.declined) {
    return `${unit}已退回，待督查室改派（${who(r.declined, v)}，${formatDateTime(r.declined.at)}）：${r.declined.reason}`;
  }
  return `待${unit}负责人签收（${formatDateTime(r.assignedAt)} 交办，签收期限 ${r.dueAt ? formatDateTime(r.dueAt) : '待定'}）`;
}

/** While 签收 is awaited its clock is the task's: the next reminder the unit will get for it. */
function receiptReminder(r: ReceiptState): SafeHtml | string {
  const next = r.status === 'open' ? nextReminderText(r) : null;
  return next ? html`<br /><span class="muted" id="next-reminder">${next}</span>` : '';
}

function who(r: Pick<ActionRecord, 'by' | 'role' | 'unit'>, v: TaskDetailInput): string {
  const role = ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] ?? r.role;
  const unit = r.unit ? v.unitName(r.unit) : '';
  return `${v.names.get(r.by) ?? '（用户）'}（${unit}${role}）`;
}

/** 会议议定 · 2027年第1次局务会议定事项 · 局办公室 · 某发〔2027〕1号 · 2027-01-05 */
function sourceText(kind: string | undefined, source: PlanMetadata | null): string {
  const parts = [label(SOURCE_KIND_LABELS, kind ?? 'workplan')];
  if (source) parts.push(source.title, source.issuer ?? '', source.docNumber ?? '', source.issuedOn ?? '');
  return parts.filter(Boolean).join(' · ');
}

/** 2027-03-12 09:00（提前 3 个工作日） */
function reminderWhen(r: StageState['reminders'][number]): string {
  return `${formatDateTime(r.at)}（${r.offsetWorkdays === 0 ? '到期当日' : `提前 ${r.offsetWorkdays} 个工作日`}）`;
}

/** The next reminder the workflow has set for a step (its timers are durable), in words; null if none. */
function nextReminderText(step: Pick<StageState, 'reminders'>): string | null {
  const next = (step.reminders ?? []).find((x) => x.state === 'pending');
  return next ? `下次催办：${reminderWhen(next)}` : null;
}

function stageItem(stage: StageState, current: boolean, v: TaskDetailInput): SafeHtml {
  const done = stage.status === 'approved' || stage.status === 'closed';
  const records: SafeHtml[] = [];
  if (stage.submission) {
    records.push(
      html`<li>
        提交：${who(stage.submission, v)} ·
        ${formatDateTime(stage.submission.at)}${stage.submission.note ? `：${stage.submission.note}` : ''}${stage.submission.quantity !== undefined ? `（数量 ${stage.submission.quantity}）` : ''}
      </li>`,
    );
  }
  for (const [unit, c] of Object.entries(stage.cooperation ?? {})) {
    if (c.feedback)
      records.push(
        html`<li>
          配合反馈（${v.unitName(unit)}）：${who(c.feedback, v)} ·
          ${formatDateTime(c.feedback.at)}${c.feedback.note ? `：${c.feedback.note}` : ''}
        </li>`,
      );
    if (c.confirmed)
      records.push(
        html`<li>确认配合（${v.unitName(unit)}）：${who(c.confirmed, v)} · ${formatDateTime(c.confirmed.at)}</li>`,
      );
  }
  for (const r of stage.returns ?? []) {
    records.push(html`<li class="returned">退回：${who(r, v)} · ${formatDateTime(r.at)}：${r.reason}</li>`);
  }
  if (stage.approval) {
    records.push(
      html`<li>
        审批通过：${who(stage.approval, v)} ·
        ${formatDateTime(stage.approval.at)}${stage.approval.note ? `：${stage.approval.note}` : ''}
      </li>`,
    );
  }
  for (const r of (stage.reminders ?? []).filter((x) => x.state === 'fired')) {
    records.push(html`<li class="muted">催办：${reminderWhen(r)}</li>`);
  }
  // The next reminder the workflow has set (its timers are durable): what the unit will hear, and when.
  const next = current ? nextReminderText(stage) : null;
  if (next) records.push(html`<li class="muted" id="next-reminder">${next}</li>`);
  for (const e of (stage.ladder ?? []).filter((x) => x.state === 'fired')) {
    records.push(
      html`<li class="muted">
        ${ESCALATION_LEVEL_LABELS[e.level] ?? `督办 ${e.level}`}：${formatDateTime(e.at)} →
        ${label(ESCALATION_TARGET_LABELS, e.to)}
      </li>`,
    );
  }
  return html`<li
    class="${done ? 'done' : current ? 'current' : ''}"
    data-stage="${stage.key}"
    data-status="${stage.status}"
  >
    <strong>${stage.name}</strong> ${lightBadge(stageLight(stage, v.now))}
    <span class="muted"
      >${label(STAGE_STATUS_LABELS, stage.status)} · 期限
      ${stage.dueAt ? formatDateTime(stage.dueAt) : '—'}${stage.completedAt ? ` · 完成于 ${formatDateTime(stage.completedAt)}` : ''}</span
    >${!done && v.provisionalStages.has(stage.key) ? provisionalBadge() : ''}
    ${
      records.length
        ? html`<ul class="stage-records">
            ${records}
          </ul>`
        : ''
    }
  </li>`;
}

/** 任务详情: summary, the actions this user may take now, stage timeline, escalations, events, evidence. */
export function taskDetailBody(v: TaskDetailInput): SafeHtml {
  const t = v.task;
  const s = t.snapshot as TaskSnapshot | null;
  const comments = v.comments;
  const sourceDocuments = v.evidence.filter((e) => e.stageKey === SOURCE_DOCUMENT_KEY);
  const workEvidence = v.evidence.filter((e) => e.stageKey !== SOURCE_DOCUMENT_KEY);
  return html`${v.notice ? html`<div class="notice" role="status">${v.notice}</div>` : ''}
    ${
      v.showProjectionError && t.projectionError
        ? html`<div class="notice notice-error" role="alert" id="projection-error">
            投影失败：流程的最新状态（第 ${t.projectionFailedVersion ?? '?'}
            版，${formatDateTime(t.projectionErrorAt)}）未能写入台账，本页显示的是此前的状态；流程本身照常运行。原因：${t.projectionError}
          </div>`
        : ''
    }
    <section class="card" id="task-summary">
      ${t.body ? html`<p id="task-body" class="task-body">${t.body}</p>` : ''}
      <dl class="kv">
        <dt>编号</dt>
        <dd>${t.code}</dd>
        ${
          s?.parent
            ? html`<dt>所属整改台账</dt>
                <dd id="task-parent">
                  <a href="${taskPagePath(s.parent.workflowId)}">问题 ${s.parent.problemId} 所属任务</a>
                </dd>`
            : ''
        }
        <dt>红黄绿灯</dt>
        <dd id="task-light">${lightBadge(t.trafficLight)}</dd>
        ${
          s?.progress
            ? html`<dt>序时进度</dt>
                <dd id="task-progress">
                  ${progressText(s.progress)}
                  <span class="muted"
                    >（${s.progress.basis === 'quantity' ? '按完成数量' : '按阶段'}，截至 ${s.progress.asOf}）</span
                  >
                </dd>`
            : ''
        }
        <dt>状态</dt>
        <dd>${label(TASK_STATUS_LABELS, t.status)}</dd>
        <dt>来源</dt>
        <dd id="task-source">
          ${sourceText(t.sourceKind, v.source ?? null)}
          ${sourceDocuments.map(
            (e) => html` · <a href="${taskPagePath(t.id)}/evidence/${e.id}" data-source-document>${e.fileName}</a>`,
          )}
        </dd>
        <dt>牵头单位</dt>
        <dd>${v.unitName(t.leadUnit)}</dd>
        <dt>配合单位</dt>
        <dd>${(t.cooperatingUnits ?? []).map(v.unitName).join('、') || '—'}</dd>
        <dt>核实</dt>
        <dd id="task-verifier">${s?.verifyingUnit ? `督查室或${v.unitName(s.verifyingUnit)}` : '督查室'}</dd>
        ${
          s?.receipt
            ? html`<dt>签收</dt>
                <dd id="task-receipt">${receiptText(s.receipt, v)}${receiptReminder(s.receipt)}</dd>`
            : ''
        }
        <dt>当前阶段</dt>
        <dd id="current-stage">${t.currentStageName ?? '—'} ${label(STAGE_STATUS_LABELS, t.currentStageStatus)}</dd>
        <dt>下一期限</dt>
        <dd>${formatDateTime(t.nextDueAt)}${v.nextDueProvisional ? provisionalBadge() : ''}</dd>
        <dt>督办</dt>
        <dd>${ESCALATION_LEVEL_LABELS[t.escalationLevel] ?? '无'}</dd>
        ${
          s?.pendingExtension
            ? html`<dt>延期申请</dt>
                <dd>
                  申请延至
                  ${s.pendingExtension.newDueDate}：${s.pendingExtension.reason}（${who(s.pendingExtension.requested, v)}）
                </dd>`
            : ''
        }
      </dl>
    </section>
    <h2>可办理操作</h2>
    <div id="actions">
      ${
        v.formError &&
        !(v.actions as string[]).includes(v.formError.form) &&
        !(v.canReopen && v.formError.form === 'reopen')
          ? withdrawnActionError(v.formError)
          : ''
      }
      ${
        v.actions.length
          ? v.actions.map((a) => actionForm(a, v.form, v.formError ?? undefined))
          : v.canReopen
            ? ''
            : html`<p class="muted" id="no-actions">当前没有您可以办理的操作。</p>`
      }
      ${v.canReopen ? reopenForm(v.form, v.formError ?? undefined) : ''}
    </div>
    <h2>阶段</h2>
    <section class="card">
      <ol class="timeline" id="stage-timeline">
        ${(s?.stages ?? []).map((st) => stageItem(st, st.key === s?.currentStageKey, v))}
      </ol>
    </section>
    ${s?.kind === 'rectification' && !s.parent ? problemLedger(s, v) : ''}
    <h2>督办记录</h2>
    ${tableOrEmpty({
      id: 'escalation-table',
      columns: ['级别', '阶段', '督办对象', '发起', '解除'],
      rows: v.escalations,
      row: (e) =>
        html`<tr>
          <td>${ESCALATION_LEVEL_LABELS[e.level] ?? e.level}</td>
          <td>
            ${s?.stages.find((st) => st.key === e.stageKey)?.name ?? (e.stageKey === RECEIPT_KEY ? '签收' : e.stageKey)}
          </td>
          <td>${label(ESCALATION_TARGET_LABELS, e.toRole)}</td>
          <td class="nowrap">${formatDateTime(e.raisedAt)}</td>
          <td class="nowrap">${e.resolvedAt ? formatDateTime(e.resolvedAt) : '未解除'}</td>
        </tr>`,
      empty: '没有督办记录。',
    })}
    <h2>佐证材料</h2>
    ${
      workEvidence.length === 0
        ? html`<p class="muted">暂无佐证材料。</p>`
        : html`<ul>
            ${workEvidence.map(
              (e) =>
                html`<li>
                  <a href="${taskPagePath(t.id)}/evidence/${e.id}">${e.fileName}</a>（${Math.ceil(e.sizeBytes / 1024)}
                  KB）· ${v.names.get(e.uploadedBy) ?? ''} · ${formatDateTime(e.uploadedAt)}
                </li>`,
            )}
          </ul>`
    }
    <h2>评论</h2>
    ${
      comments.length === 0
        ? html`<p class="muted">暂无评论。</p>`
        : html`<ul id="comments">
            ${comments.map((c) => html`<li>${v.names.get(c.actorUserId ?? '') ?? ''} · ${formatDateTime(c.at)}：${c.detail ?? ''}</li>`)}
          </ul>`
    }
    <h2>办理记录</h2>
    <div class="table-wrap" tabindex="0" role="region" aria-label="办理记录">
      <table id="event-table">
        <thead>
          <tr>
            <th>时间</th>
            <th>事项</th>
            <th>办理人</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          ${v.timeline.map(
            (e) =>
              html`<tr data-action="${e.action}" data-outcome="${e.outcome}">
                <td class="nowrap">${formatDateTime(e.at)}</td>
                <td class="nowrap">${label(EVENT_LABELS, e.action)}</td>
                <td>
                  ${e.actorUserId ? (v.names.get(e.actorUserId) ?? '') : '系统'}${e.actorRole ? ` · ${label(ROLE_LABELS, e.actorRole)}` : ''}
                </td>
                <td>${e.detail ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${v.timelineNext ? html`<p><a id="timeline-older" href="?before=${v.timelineNext}#event-table">更早的办理记录</a></p>` : ''}
    <p><a href="/ui/ledger">返回台账</a></p>`;
}
