import { TASK_LIGHT_LABELS } from '@duban/domain/labels/labels';
import { html, SafeHtml } from '../layout/html';

// The labels themselves live in libs/domain (shared with exports, notifications and the CLI).
export {
  ESCALATION_LEVEL_LABELS,
  ESCALATION_TARGET_LABELS,
  EVENT_LABELS,
  label,
  PROBLEM_STATUS_LABELS,
  SOURCE_KIND_LABELS,
  STAGE_STATUS_LABELS,
  stageKeyLabel,
  TASK_STATUS_LABELS,
  UNIT_ROLE_LABELS,
} from '@duban/domain/labels/labels';
export { TASK_LIGHT_LABELS as LIGHT_LABELS };

export function lightBadge(light: string | null | undefined): SafeHtml {
  const key = light && light in TASK_LIGHT_LABELS ? light : 'none';
  return html`<span class="light light-${key}" data-light="${key}">${TASK_LIGHT_LABELS[key]}</span>`;
}
