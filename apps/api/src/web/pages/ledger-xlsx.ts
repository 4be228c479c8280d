import ExcelJS from 'exceljs';
import { TaskEntity } from '@duban/persistence/entities';
import { formatDate, rowProgressText } from '../view-model/format';
import {
  ESCALATION_LEVEL_LABELS,
  label,
  LIGHT_LABELS,
  SOURCE_KIND_LABELS,
  STAGE_STATUS_LABELS,
  TASK_STATUS_LABELS,
} from '../view-model/labels';

export const LEDGER_XLSX_HEADERS = [
  '编号',
  '任务',
  '牵头单位',
  '配合单位',
  '当前阶段',
  '阶段状态',
  '期限',
  '红黄绿灯',
  '序时进度',
  '督办',
  '状态',
  '来源',
];

/** The ledger view as an Excel workbook: the same columns as the page, one row per task. */
export async function ledgerWorkbook(items: TaskEntity[], unitName: (code: string | null) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '督办台账';
  const ws = wb.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(LEDGER_XLSX_HEADERS).font = { bold: true };
  for (const t of items) {
    ws.addRow([
      t.code,
      t.title,
      unitName(t.leadUnit),
      (t.cooperatingUnits ?? []).map(unitName).join('、'),
      t.currentStageName ?? '',
      label(STAGE_STATUS_LABELS, t.currentStageStatus),
      t.nextDueAt ? formatDate(t.nextDueAt) : '',
      label(LIGHT_LABELS, t.trafficLight),
      rowProgressText(t),
      ESCALATION_LEVEL_LABELS[t.escalationLevel] ?? '',
      label(TASK_STATUS_LABELS, t.status),
      label(SOURCE_KIND_LABELS, t.sourceKind ?? 'workplan'),
    ]);
  }
  [10, 60, 14, 24, 14, 10, 12, 8, 30, 10, 8, 12].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
