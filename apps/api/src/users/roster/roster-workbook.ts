import ExcelJS from 'exceljs';
import { ROLE_LABELS } from '@duban/domain/labels/labels';
import { ROSTER_HEADINGS, RosterField } from '@duban/domain/roster/roster-columns';
import { RosterAccount } from '@duban/domain/roster/roster-plan';

const COLUMNS: readonly [RosterField, number][] = [
  ['displayName', 12],
  ['username', 18],
  ['unit', 16],
  ['role', 12],
  ['mobile', 16],
  ['email', 28],
  ['deputyUnits', 30],
  ['status', 8],
];

/**
 * Every account as the staff sheet the import reads: export, edit in Excel or WPS, import again.
 * Mobile numbers are written as text, so Excel shows no 1.38E+10 and keeps them as typed.
 */
export async function rosterWorkbook(
  accounts: readonly RosterAccount[],
  unitName: (code: string) => string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '督办台账';
  const ws = wb.addWorksheet('人员名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(COLUMNS.map(([field]) => ROSTER_HEADINGS[field])).font = { bold: true };
  for (const a of accounts) {
    const cells: Record<RosterField, string> = {
      displayName: a.displayName,
      username: a.username,
      unit: a.unitCode ? unitName(a.unitCode) : '',
      role: ROLE_LABELS[a.role],
      mobile: a.mobile ?? '',
      email: a.email ?? '',
      deputyUnits: a.deputyUnits.map(unitName).join('、'),
      status: a.active ? '在职' : '停用',
    };
    ws.addRow(COLUMNS.map(([field]) => cells[field]));
  }
  COLUMNS.forEach(([, width], i) => {
    const column = ws.getColumn(i + 1);
    column.width = width;
    column.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
