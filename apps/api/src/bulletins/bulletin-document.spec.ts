import ExcelJS from 'exceljs';
import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';
import { bulletinBodyHtml, bulletinPrintHtml } from './bulletin-document';
import { renderBulletinXlsx } from './bulletin-xlsx';

const content: BulletinContent = {
  planId: 'kpi-2021',
  planTitle: '2021年工作要点',
  week: '2021-W41',
  weekStart: '2021-10-11',
  asOf: '2021-10-11T01:00:00.000Z',
  since: '2021-10-04T01:00:00.000Z',
  units: [
    { unit: 'water-air', unitName: '水气股', total: 3, done: 1, onTrack: 0, dueSoon: 0, overdue: 2, escalated: 1 },
  ],
  totals: { total: 3, done: 1, onTrack: 0, dueSoon: 0, overdue: 2, escalated: 1 },
  overdue: [
    {
      taskId: 'kpi-2021/2.1',
      code: '2.1',
      title: '<script>alert(1)</script>蓝天保卫战',
      unit: 'water-air',
      unitName: '水气股',
      dueAt: '2021-09-30T09:30:00.000Z',
      daysOverdue: 10,
      escalationLevel: 2,
    },
  ],
  newEscalations: [],
  targets: [
    {
      indicatorId: 'i',
      targetCode: '1',
      name: 'PM2.5年均浓度',
      ownerUnit: 'monitoring',
      ownerUnitName: '监测站',
      comparator: 'lte',
      target: 34,
      unit: '微克/立方米',
      ytd: 36,
      light: 'red',
      lightReason: '剩余3期均值需≤28微克/立方米才能达标',
      neededRemaining: 28,
      missingPeriods: [],
    },
  ],
};

describe('bulletin document', () => {
  it('renders tables and two SVG charts, escaping task text', () => {
    const body = bulletinBodyHtml(content);
    expect(body).toContain('<h1>督办通报</h1>');
    expect(body.match(/<svg/g)).toHaveLength(2);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;蓝天保卫战');
    expect(body).not.toContain('<script>');
    expect(body).toContain('<td class="bad">10</td><td>二级（分管领导）</td>');
    expect(body).toContain('≤34微克/立方米');
    expect(bulletinBodyHtml(content, { heading: false })).not.toContain('<h1>');
    expect(bulletinPrintHtml(content)).toContain('WenQuanYi Micro Hei');
  });

  it('exports an Excel workbook with one sheet per section', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderBulletinXlsx(content)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各单位情况', '逾期清单', '本周新增督办', '目标指标', '说明']);
    expect(wb.getWorksheet('逾期清单')!.getRow(2).values).toEqual([
      undefined,
      '2.1',
      '<script>alert(1)</script>蓝天保卫战',
      '水气股',
      '2021-09-30',
      10,
      2,
    ]);
    expect(wb.getWorksheet('目标指标')!.getRow(2).getCell(7).value).toBe('红灯');
  });
});
