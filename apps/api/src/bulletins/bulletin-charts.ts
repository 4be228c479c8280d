import * as echarts from 'echarts';
import { BulletinContent } from '@duban/domain/bulletin/bulletin-content';

const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Renders an ECharts option to an SVG string on the server (no DOM, no canvas). */
function svg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const out = chart.renderToSVGString();
  chart.dispose();
  return out;
}

/** Tasks per unit, stacked by state: done / on track / due soon / overdue. */
export function unitStatusChart(c: BulletinContent, width = 720, height = 300): string {
  const units = c.units.map((u) => u.unitName);
  const series = [
    { name: '已完成', key: 'done', color: '#5b8ff9' },
    { name: '正常推进', key: 'onTrack', color: '#5ad8a6' },
    { name: '即将到期', key: 'dueSoon', color: '#f6bd16' },
    { name: '逾期', key: 'overdue', color: '#e8684a' },
  ] as const;
  return svg(
    {
      title: { text: '各单位任务情况', left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
      legend: { bottom: 0, textStyle: { fontFamily: FONT } },
      grid: { left: 60, right: 20, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: units, axisLabel: { interval: 0, fontFamily: FONT } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'tasks',
        itemStyle: { color: s.color },
        data: c.units.map((u) => u[s.key]),
      })),
    },
    width,
    height,
  );
}

/** Targets by light: how many green, yellow, red, not yet rated. */
export function targetLightChart(c: BulletinContent, width = 360, height = 260): string {
  const count = (l: string) => c.targets.filter((t) => t.light === l).length;
  return svg(
    {
      title: { text: '目标指标预警', left: 'center', textStyle: { fontSize: 14, fontFamily: FONT } },
      series: [
        {
          type: 'pie',
          radius: ['35%', '60%'],
          top: 20,
          label: { formatter: '{b} {c}', fontFamily: FONT },
          data: [
            { name: '绿灯', value: count('green'), itemStyle: { color: '#52c41a' } },
            { name: '黄灯', value: count('yellow'), itemStyle: { color: '#faad14' } },
            { name: '红灯', value: count('red'), itemStyle: { color: '#f5222d' } },
            { name: '未评定', value: count('none'), itemStyle: { color: '#bfbfbf' } },
          ].filter((d) => d.value > 0),
        },
      ],
    },
    width,
    height,
  );
}
