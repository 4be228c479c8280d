import { ActorRole } from '../access/actor';
import { isMailbox, normalisePhone } from '../access/contact-details';
import { USERNAME_PATTERN } from '../access/username';
import { ROLE_LABELS } from '../labels/labels';
import { unitCodeFor } from '../plan/unit-code';
import { normaliseUnitName } from '../plan/unit-resolution';
import { headingRowIndex, ROSTER_HEADINGS, RosterColumns, RosterField, rosterColumns } from './roster-columns';
import { roleOfTitle } from './roster-role';

/** A sheet this long is not a bureau's staff list; refusing it keeps one request bounded. */
export const MAX_ROSTER_ROWS = 2000;

export interface RosterUnit {
  code: string;
  name: string;
  aliases: string[];
  active: boolean;
}

/** An account as the sheet describes it (and as the system stores its own columns). */
export interface RosterAccount {
  username: string;
  displayName: string;
  role: ActorRole;
  unitCode: string | null;
  deputyUnits: string[];
  mobile: string | null;
  email: string | null;
  active: boolean;
}

export interface RosterProblem {
  /** The column the problem is in, or null when it is about the row as a whole. */
  field: RosterField | null;
  message: string;
}

export interface RosterRow {
  /** The row's number in the sheet as a spreadsheet shows it (1 = first row). */
  line: number;
  cells: Partial<Record<RosterField, string>>;
  /** What importing the sheet does to the account: nothing is done while any row has problems. */
  action: 'create' | 'update' | 'unchanged';
  account: RosterAccount | null;
  problems: RosterProblem[];
}

export interface RosterPlan {
  columns: RosterColumns;
  rows: RosterRow[];
  /** Units the sheet names that do not exist yet: importing creates them. */
  newUnits: { code: string; name: string; lines: number[] }[];
  problemCount: number;
}

/** A sheet that cannot be read as a staff list at all (no heading row, no name column). */
export class RosterSheetError extends Error {
  constructor(
    readonly zh: string,
    readonly hint: string,
  ) {
    super(zh);
  }
}

const INACTIVE_WORDS = new Set(['停用', '禁用', '离职', '调离', '退休', '否', 'inactive', 'false', '0', 'no']);
const ACTIVE_WORDS = new Set(['', '在职', '正常', '启用', '是', 'active', 'true', '1', 'yes']);
const LIST_SEPARATORS = /[、，,；;/\s]+/;
const UNIT_BOUND: readonly ActorRole[] = ['handler', 'unit-head'];

/**
 * What importing a staff sheet would do, row by row: each row's account or its problems (all of
 * them, so one pass fixes the sheet), and the units to create. Pure: the caller writes.
 */
export function planRoster(
  grid: readonly (readonly string[])[],
  units: readonly RosterUnit[],
  existing: readonly RosterAccount[],
  actorUsername: string,
): RosterPlan {
  const headingIndex = headingRowIndex(grid);
  if (headingIndex < 0) {
    throw new RosterSheetError(
      '找不到表头：表的前 10 行里没有同时含「姓名」和其他列（如「股室」「职务」「手机」）的一行',
      `请在第一行写表头，例如：${Object.values(ROSTER_HEADINGS).join('、')}`,
    );
  }
  const columns = rosterColumns(grid[headingIndex]);
  const body = grid.slice(headingIndex + 1);
  if (body.length > MAX_ROSTER_ROWS) {
    throw new RosterSheetError(`表中有 ${body.length} 行，超过 ${MAX_ROSTER_ROWS} 行`, '请分成几张表分别导入');
  }
  if (columns.fields.username === undefined && columns.fields.mobile === undefined) {
    throw new RosterSheetError(
      '表中既没有「用户名」列也没有「手机」列，无法确定登录账号',
      '请加一列「用户名」（小写字母、数字），或一列「手机」（以手机号作为用户名）',
    );
  }
  const units$ = new UnitLookup(units);
  const byUsername = new Map(existing.map((a) => [a.username, a]));
  const firstLine = new Map<string, number>();
  const rows: RosterRow[] = [];
  body.forEach((cellsOfRow, i) => {
    const cells = cellsOf(cellsOfRow, columns);
    if (Object.values(cells).every((v) => v === '')) return;
    const line = headingIndex + i + 2;
    const row = readRow(line, cells, units$);
    if (row.account) {
      const seen = firstLine.get(row.account.username);
      if (seen !== undefined) {
        row.problems.push({ field: 'username', message: `用户名 ${row.account.username} 与第 ${seen} 行重复` });
      } else firstLine.set(row.account.username, line);
      judgeAgainstExisting(row, byUsername.get(row.account.username), actorUsername);
    }
    if (row.problems.length > 0) row.account = null;
    rows.push(row);
  });
  return {
    columns,
    rows,
    newUnits: units$.created(),
    problemCount: rows.reduce((n, r) => n + r.problems.length, 0),
  };
}

function cellsOf(row: readonly string[], columns: RosterColumns): Partial<Record<RosterField, string>> {
  const cells: Partial<Record<RosterField, string>> = {};
  for (const [field, index] of Object.entries(columns.fields) as [RosterField, number][]) {
    cells[field] = (row[index] ?? '').trim();
  }
  return cells;
}

function readRow(line: number, cells: Partial<Record<RosterField, string>>, units: UnitLookup): RosterRow {
  const problems: RosterProblem[] = [];
  const problem = (field: RosterField | null, message: string) => problems.push({ field, message });

  const displayName = cells.displayName ?? '';
  if (!displayName) problem('displayName', '姓名为空');
  else if (displayName.length > 64) problem('displayName', '姓名超过 64 个字');

  let mobile: string | null = null;
  if (cells.mobile) {
    mobile = normalisePhone(cells.mobile);
    if (!mobile) problem('mobile', `手机号码「${cells.mobile}」格式不正确：应为 11 位手机号，或 区号-电话号码`);
  }

  // Width-folded where a Chinese IME types full-width letters (ｚｈａｎｇ＠…); names are kept as written.
  const email = cells.email ? cells.email.normalize('NFKC') : null;
  if (email && !isMailbox(email)) problem('email', `邮箱「${email}」格式不正确`);

  const username =
    (cells.username ?? '').normalize('NFKC').toLowerCase() || (mobile && !mobile.includes('-') ? mobile : '');
  // A bad mobile already says what is wrong with the row's only source of a username.
  if (!username) {
    if (!(cells.mobile && !mobile))
      problem('username', '没有用户名：请填写「用户名」，或填写手机号（以手机号作为用户名）');
  } else if (!USERNAME_PATTERN.test(username)) {
    problem('username', `用户名「${username}」不合规：2–64 位小写字母、数字、点、连字符或下划线`);
  }

  const role = roleOfTitle(cells.role ?? '');
  if (!role) {
    problem(
      'role',
      `无法识别的职务「${cells.role}」：请写 ${Object.values(ROLE_LABELS).join('、')}，或科员、股长、副局长等职务`,
    );
  }

  let unitCode: string | null = null;
  if (cells.unit) {
    const found = units.resolve(cells.unit, line);
    if ('problem' in found) problem('unit', found.problem);
    else unitCode = found.code;
  } else if (role && UNIT_BOUND.includes(role)) {
    problem('unit', `${ROLE_LABELS[role]}须填写所在股室/单位`);
  }

  const deputyUnits: string[] = [];
  if (role === 'deputy-director') {
    const names = (cells.deputyUnits ?? '').split(LIST_SEPARATORS).filter(Boolean);
    if (names.length === 0) problem('deputyUnits', '分管领导须在「分管单位」列写明分管的股室，用顿号分隔');
    for (const name of names) {
      const found = units.resolve(name, line);
      if ('problem' in found) problem('deputyUnits', found.problem);
      else if (!deputyUnits.includes(found.code)) deputyUnits.push(found.code);
    }
  }

  const status = (cells.status ?? '').normalize('NFKC').toLowerCase();
  if (!INACTIVE_WORDS.has(status) && !ACTIVE_WORDS.has(status)) {
    problem('status', `状态「${cells.status}」无法识别：请写「在职」或「停用」`);
  }

  const account: RosterAccount | null =
    username && role
      ? {
          username,
          displayName,
          role,
          unitCode,
          deputyUnits,
          mobile,
          email,
          active: !INACTIVE_WORDS.has(status),
        }
      : null;
  return { line, cells, action: 'create', account, problems };
}

/** Create, update or leave alone; an admin may not demote or switch off their own account. */
function judgeAgainstExisting(row: RosterRow, current: RosterAccount | undefined, actorUsername: string): void {
  const next = row.account!;
  if (!current) return;
  if (next.username === actorUsername && (next.role !== current.role || !next.active)) {
    row.problems.push({ field: 'role', message: '不能通过导入更改自己的角色或停用自己的账号' });
  }
  const same =
    current.displayName === next.displayName &&
    current.role === next.role &&
    current.unitCode === next.unitCode &&
    current.mobile === next.mobile &&
    current.email === next.email &&
    current.active === next.active &&
    [...current.deputyUnits].sort().join() === [...next.deputyUnits].sort().join();
  row.action = same ? 'unchanged' : 'update';
}

/** Unit names as the sheet writes them, by name, alias or code; unknown names become new units. */
class UnitLookup {
  private readonly byName = new Map<string, RosterUnit>();
  private readonly byCode = new Map<string, RosterUnit>();
  private readonly taken: Set<string>;
  private readonly fresh = new Map<string, { code: string; name: string; lines: number[] }>();

  constructor(units: readonly RosterUnit[]) {
    for (const u of units) {
      this.byCode.set(u.code, u);
      for (const n of [u.name, ...u.aliases]) this.byName.set(normaliseUnitName(n), u);
    }
    this.taken = new Set(units.map((u) => u.code));
  }

  resolve(text: string, line: number): { code: string } | { problem: string } {
    const key = normaliseUnitName(text);
    if (!key) return { problem: `单位「${text}」为空` };
    if (key.length > 128) return { problem: `单位名称「${text.slice(0, 20)}…」超过 128 个字` };
    const known = this.byName.get(key) ?? this.byCode.get(text.toLowerCase());
    if (known) return known.active ? { code: known.code } : { problem: `单位「${known.name}」已停用` };
    let planned = this.fresh.get(key);
    if (!planned) {
      planned = { code: unitCodeFor(key, this.taken), name: key, lines: [] };
      this.taken.add(planned.code);
      this.fresh.set(key, planned);
    }
    if (!planned.lines.includes(line)) planned.lines.push(line);
    return { code: planned.code };
  }

  created() {
    return [...this.fresh.values()];
  }
}
