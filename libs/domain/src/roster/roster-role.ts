import { ActorRole } from '../access/actor';
import { ROLE_LABELS } from '../labels/labels';

/**
 * The role a staff sheet's 职务 means. Sheets write titles (科员, 股长, 副局长), not system roles,
 * so titles are read in this order: the system's own words first, then 督查 (the office's staff
 * are supervisors whatever their rank), leaders, heads, and staff. A deputy head (副股长) cannot
 * sign off for the unit here, so counts as staff; the manual says to write 股长 to give that right.
 */
const TITLE_RULES: readonly [ActorRole, RegExp][] = [
  ['admin', /管理员|^admin$/],
  ['supervisor', /督查|督办|督察室|^supervisor$/],
  ['deputy-director', /局长|分管领导|党组书记|党组成员|纪检组长|总工程师|^deputy-director$/],
  ['handler', /^副(股长|科长|站长|主任|队长|所长)/],
  ['unit-head', /股长|科长|站长|队长|所长|主任|负责人|^unit-head$/],
  ['handler', /承办|科员|办事员|工作人员|干部|职员|经办|专员|技术员|执法员|监测员|联络员|^handler$/],
];

const BY_LABEL = new Map<string, ActorRole>(
  (Object.entries(ROLE_LABELS) as [ActorRole, string][]).map(([role, label]) => [label, role]),
);

/** The role of a 职务 cell; '' (no title) is staff; undefined when the title says nothing known. */
export function roleOfTitle(title: string): ActorRole | undefined {
  const text = title.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (text === '') return 'handler';
  const labelled = BY_LABEL.get(text);
  if (labelled) return labelled;
  return TITLE_RULES.find(([, pattern]) => pattern.test(text))?.[0];
}
