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
