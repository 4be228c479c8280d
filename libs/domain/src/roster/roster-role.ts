import { ActorRole } from '../access/actor';

/**
 * The role a staff sheet's 职务 means. Sheets write titles (科员, 股长, 副局长), not system roles, so
 * titles are read in this order: 管理员, 督查 (the office's staff are supervisors whatever their
 * rank), leaders, heads, staff; the system's own words (承办人 … 管理员) are among them. A deputy
 * head (副股长) cannot sign off for the unit here, so counts as staff; the manual says to write 股长.
 */
const TITLE_RULES: readonly [ActorRole, RegExp][] = [
  ['admin', /管理员|^admin$/],
  ['supervisor', /督查|督办|督察室|^supervisor$/],
  ['deputy-director', /局长|分管领导|党组书记|党组成员|纪检组长|总工程师|^deputy-director$/],
  ['handler', /^副(股长|科长|站长|主任|队长|所长)/],
  ['unit-head', /股长|科长|站长|队长|所长|主任|负责人|^unit-head$/],
  ['handler', /承办|科员|办事员|工作人员|干部|职员|经办|专员|技术员|执法员|监测员|联络员|^handler$/],
];

/** The role of a 职务 cell; '' (no title) is staff; undefined when the title says nothing known. */
export function roleOfTitle(title: string): ActorRole | undefined {
  const text = title.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (text === '') return 'handler';
  return TITLE_RULES.find(([, pattern]) => pattern.test(text))?.[0];
}
