/** The columns of a staff sheet (人员名单) the system reads. */
export type RosterField = 'displayName' | 'username' | 'unit' | 'role' | 'mobile' | 'email' | 'deputyUnits' | 'status';

/** The heading each field has in the sheet the system exports (and the first synonym it reads). */
export const ROSTER_HEADINGS: Record<RosterField, string> = {
  displayName: '姓名',
  username: '用户名',
  unit: '股室/单位',
  role: '职务/角色',
  mobile: '手机',
  email: '邮箱',
  deputyUnits: '分管单位',
  status: '状态',
};

/** What bureaus' own sheets call the same columns; matched after normaliseHeading. */
const SYNONYMS: Record<RosterField, readonly string[]> = {
  displayName: ['姓名', '名字', '人员', '人员姓名', '干部姓名', '职工姓名', 'name', 'displayname'],
  username: ['用户名', '账号', '帐号', '登录名', '登录账号', '系统账号', 'username', 'login'],
  unit: [
    '股室/单位',
    '股室',
    '单位',
    '科室',
    '部门',
    '处室',
    '所在股室',
    '所在单位',
    '所在科室',
    '所在部门',
    '工作单位',
    '单位/股室',
    '股室（单位）',
    'unit',
    'unitcode',
  ],
  role: ['职务/角色', '职务', '角色', '岗位', '职务（岗位）', '职位', 'role'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '联系电话', '联系方式', '电话', 'mobile', 'phone'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', 'mail'],
  deputyUnits: ['分管单位', '分管股室', '分管科室', '分管', '分管工作', 'deputyunits'],
  status: ['状态', '账号状态', '在职状态', 'status', 'active'],
};

/** Width-folded, lower-case, without spaces, asterisks (必填 marks) or a bracketed remark. */
export function normaliseHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*＊]/g, '')
    .replace(/[(（][^)）]*(必填|选填|可选|可不填|注)[^)）]*[)）]/g, '');
}

const BY_HEADING = new Map<string, RosterField>(
  (Object.entries(SYNONYMS) as [RosterField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [normaliseHeading(n), field] as const),
  ),
);

export function fieldOfHeading(text: string): RosterField | undefined {
  return BY_HEADING.get(normaliseHeading(text));
}

/** Which sheet column holds each field; the columns no field claimed are reported, not guessed. */
export interface RosterColumns {
  fields: Partial<Record<RosterField, number>>;
  ignored: string[];
}

/** Reads a heading row: the first column of each field wins, a repeated one is ignored. */
export function rosterColumns(headings: readonly string[]): RosterColumns {
  const fields: Partial<Record<RosterField, number>> = {};
  const ignored: string[] = [];
  headings.forEach((heading, index) => {
    const field = fieldOfHeading(heading);
    if (field && fields[field] === undefined) fields[field] = index;
    else if (heading.trim()) ignored.push(heading.trim());
  });
  return { fields, ignored };
}

/**
 * The heading row of a sheet: the first of its first rows naming the person's name and at least
 * one more column (sheets often start with a title line such as "XX局干部职工花名册").
 */
export function headingRowIndex(rows: readonly (readonly string[])[], lookAhead = 10): number {
  for (let i = 0; i < Math.min(rows.length, lookAhead); i++) {
    const { fields } = rosterColumns(rows[i]);
    if (fields.displayName !== undefined && Object.keys(fields).length >= 2) return i;
  }
  return -1;
}
