import ExcelJS from 'exceljs';
import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { shanghaiDateTime } from '@duban/domain/calendar/shanghai-time';
import { INDICATOR_LIGHT_LABELS } from '@duban/domain/labels/labels';

/** The bulletin as an Excel workbook: one sheet per section, headers in Chinese. */
export async function renderBulletinXlsx(c: BulletinContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duban';
  const sheet = (name: string, columns: { header: string; key: string; width: number }[], rows: object[]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    return ws;
  };
  sheet(
    '各单位情况',
    [
      { header: '单位', key: 'unitName', width: 16 },
      { header: '任务数', key: 'total', width: 8 },
      { header: '已完成', key: 'done', width: 8 },
      { header: '正常推进', key: 'onTrack', width: 10 },
      { header: '即将到期', key: 'dueSoon', width: 10 },
      { header: '逾期', key: 'overdue', width: 8 },
      { header: '督办中', key: 'escalated', width: 8 },
    ],
    [...c.units, { unitName: '合计', ...c.totals }],
  );
  sheet(
    '逾期清单',
    [
      { header: '编号', key: 'code', width: 10 },
      { header: '任务', key: 'title', width: 50 },
      { header: '责任单位', key: 'unitName', width: 14 },
      { header: '截止日期', key: 'due', width: 12 },
      { header: '逾期天数', key: 'daysOverdue', width: 10 },
      { header: '督办级别', key: 'escalationLevel', width: 10 },
    ],
    c.overdue.map((o) => ({ ...o, due: o.dueAt.slice(0, 10) })),
  );
  sheet(
    '本周新增督办',
    [
      { header: '编号', key: 'code', width: 10 },
      { header: '任务', key: 'title', width: 50 },
      { header: '责任单位', key: 'unitName', width: 14 },
      { header: '级别', key: 'level', width: 8 },
      { header: '督办时间', key: 'raised', width: 20 },
    ],
    c.newEscalations.map((e) => ({ ...e, raised: shanghaiDateTime(e.raisedAt) })),
  );
  sheet(
    '目标指标',
    [
      { header: '目标', key: 'targetCode', width: 6 },
      { header: '指标', key: 'name', width: 36 },
      { header: '责任单位', key: 'ownerUnitName', width: 12 },
      { header: '目标值', key: 'target', width: 10 },
      { header: '单位', key: 'unit', width: 12 },
      { header: '年初至今', key: 'ytd', width: 10 },
      { header: '预警', key: 'lightZh', width: 8 },
      { header: '剩余期需达到', key: 'neededRemaining', width: 14 },
      { header: '说明', key: 'lightReason', width: 60 },
    ],
    c.targets.map((t) => ({ ...t, lightZh: INDICATOR_LIGHT_LABELS[t.light] })),
  );
  const info = wb.addWorksheet('说明');
  info.addRow(['计划', c.planTitle]);
  info.addRow(['周次', c.week]);
  info.addRow(['截至（北京时间）', shanghaiDateTime(c.asOf)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
