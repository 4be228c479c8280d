import { TaskEntity } from '@duban/persistence/entities';
import { html, SafeHtml } from '../layout/html';
import { label, STAGE_STATUS_LABELS } from './labels';

/** The "当前阶段" cell of the ledger and inbox rows: stage name, then its status in grey. */
export function currentStageCell(t: Pick<TaskEntity, 'currentStageName' | 'currentStageStatus'>): SafeHtml {
  return html`<td>
    ${t.currentStageName ?? ''}
    <span class="muted">${label(STAGE_STATUS_LABELS, t.currentStageStatus)}</span>
  </td>`;
}
