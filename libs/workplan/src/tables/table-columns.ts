/**
 * What a column of a task table (任务分解表, 责任分工表, 整改清单, 民生实事清单) holds, from its header
 * cell: the synonyms bureaus use for each. People (责任领导, 责任人) and progress columns (进展情况,
 * 完成状况) are recognised so that they are left out, not taken for units or tasks.
 */
export type ColumnRole =
  'number' | 'category' | 'task' | 'detail' | 'lead' | 'units' | 'cooperating' | 'deadline' | 'person' | 'ignore';

const squeeze = (s: string) => s.replace(/[\s\n]+/g, '');

/** Tried in order: the first role whose pattern matches the squeezed header text. */
const ROLES: [ColumnRole, RegExp][] = [
  ['number', /^(?:序号|编号|序|任务项|项目编号|问题编号|任务编号|号|No\.?)$/i],
  ['person', /领导|责任人|联系人|联系电话|电话|包保|分管/],
  [
    'ignore',
    /进展|完成情况|推进情况|落实情况|整改情况|整改结论|办理情况|处理情况|完成状况|状况|是否|说明|备注|进度|成效|结果|存在问题|原因|下一步|计划$|工作计划|达序/,
  ],
  ['deadline', /时限|时间节点|完成时间|完成期限|时间安排|计划完成|截止|期限|^时间$|完成年限/],
  ['lead', /牵头/],
  ['cooperating', /配合|协办|协同|参与单位|协作|协助/],
  ['units', /责任单位|责任主体|责任部门|责任科室|责任股室|承办单位|实施单位|主办单位|主体|^单位$|业主单位|责任处室/],
  [
    'category',
    /^(?:类别|领域|板块|分类|方面|专项|项目类别|类型|工作类别|序列|问题类别|问题类型|问题分类|任务类别|所属领域)$/,
  ],
  [
    'task',
    /^(?:工作任务|重点工作|重点任务|主要任务|任务|任务内容|工作内容|事项|工作事项|重点工作内容|项目名称|项目|实事项目|民生实事|重点项目|问题描述|问题具体情况|存在问题|问题|问题清单|整改任务|具体任务|年度目标|年度任务|目标任务|工作目标|主要目标|指标|重点工作任务)$/,
  ],
  ['detail', /内容|措施|目标|任务|要求|标准|工作|分解|子项目|子任务|具体项目/],
];

export function roleOfHeader(header: string): ColumnRole | null {
  const h = squeeze(header);
  if (!h || h.length > 20) return null;
  for (const [role, re] of ROLES) if (re.test(h)) return role;
  return null;
}

/** The columns of a table from its header row: which index holds what (several task/detail/unit columns may exist). */
export interface TableColumns {
  number?: number;
  category?: number;
  /** The task's own text (its title); detail columns follow it in the body. */
  task: number;
  details: number[];
  lead: number[];
  units: number[];
  cooperating: number[];
  deadline: number[];
  /** A quarter named in a header ("四季度任务分解") when no column gives a deadline: 1–4. */
  quarter?: number;
}

/**
 * The columns of a header row, or null when the row is no header of a task table: it must name a
 * task (or detail) column and at least one other known column.
 */
export function columnsOf(header: string[]): TableColumns | null {
  const roles = header.map(roleOfHeader);
  const known = roles.filter((r) => r !== null).length;
  if (known < 2) return null;
  const all = (role: ColumnRole) => roles.flatMap((r, i) => (r === role ? [i] : []));
  const taskAt = all('task')[0] ?? all('detail')[0];
  if (taskAt === undefined) return null;
  const quarterHeader = header.map(squeeze).find((h) => /^第?[一二三四1-4]季度/.test(h));
  const quarter = quarterHeader ? ('一二三四1234'.indexOf(quarterHeader.replace(/^第/, '')[0]) % 4) + 1 : undefined;
  return {
    number: all('number')[0],
    category: all('category')[0],
    task: taskAt,
    details: [...all('task'), ...all('detail')].filter((i) => i !== taskAt).sort((a, b) => a - b),
    lead: all('lead'),
    units: all('units'),
    cooperating: all('cooperating'),
    deadline: all('deadline'),
    ...(quarter && all('deadline').length === 0 ? { quarter } : {}),
  };
}

/**
 * How many different known headers a row has: picks the header row among a table's first rows.
 * A title row merged across the table repeats one text in every cell: it scores nothing.
 */
export function headerScore(row: string[]): number {
  const filled = row.map((c) => c.trim()).filter(Boolean);
  if (new Set(filled).size <= 1) return 0;
  return new Set(row.map(roleOfHeader).filter((r) => r !== null)).size;
}
