/**
 * Where a supervised item comes from (来源): the year's plan, or one of the items a supervision
 * office tracks beside it. Stored on the plan (a batch of items) and on each of its tasks.
 */
export const SOURCE_KINDS = [
  'workplan',
  'instruction',
  'meeting',
  'higher',
  'proposal',
  'inspection',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * The source a document's title declares when the document does not say it otherwise: an
 * inspection's problem list (…督察反馈问题整改清单, 巡察整改台账, 问题清单) is 督察整改, anything
 * else the year's plan.
 */
export function sourceKindOfTitle(title: string): SourceKind {
  // A year's 工作要点 may carry inspection tasks among others: it stays the plan.
  if (/工作要点|工作计划/.test(title)) return 'workplan';
  return /整改(清单|台账)|问题清单|(督察|督查|巡视|巡察|审计|检查|暗访).{0,30}(整改|问题)/.test(title)
    ? 'inspection'
    : 'workplan';
}
