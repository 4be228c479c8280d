/**
 * Browser script of the overview page (served as /ui/assets/overview.js): draws the two ECharts
 * charts from the JSON the server put into the page. Plain ES2017, no build step.
 */
export const OVERVIEW_CHARTS_JS = `(function () {
  'use strict';
  var dataEl = document.getElementById('overview-data');
  if (!dataEl || !window.echarts) return;
  var d = JSON.parse(dataEl.textContent || '{}');
  var font = '"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif';
  var charts = [];
  var unitsEl = document.getElementById('chart-units');
  if (unitsEl) {
    var c1 = echarts.init(unitsEl, null, { renderer: 'svg' });
    c1.setOption({
      textStyle: { fontFamily: font },
      tooltip: { trigger: 'axis' },
      legend: { data: ['绿灯', '黄灯', '红灯', '完成率'], top: 0 },
      // Units down the side, one row each: long names stay readable at 375 px.
      grid: { left: 8, right: 24, bottom: 24, top: 56, containLabel: true },
      yAxis: { type: 'category', data: d.units, inverse: true, axisLabel: { interval: 0, width: 96, overflow: 'truncate' } },
      xAxis: [
        { type: 'value', name: '任务', minInterval: 1, position: 'bottom' },
        { type: 'value', name: '完成率%', max: 100, position: 'top', splitLine: { show: false } }
      ],
      series: [
        { name: '绿灯', type: 'bar', stack: 'l', data: d.green, itemStyle: { color: '#1a7f37' } },
        { name: '黄灯', type: 'bar', stack: 'l', data: d.yellow, itemStyle: { color: '#bf8700' } },
        { name: '红灯', type: 'bar', stack: 'l', data: d.red, itemStyle: { color: '#cf222e' } },
        { name: '完成率', type: 'scatter', xAxisIndex: 1, symbol: 'diamond', symbolSize: 10, data: d.rate, itemStyle: { color: '#0b57d0' } }
      ]
    });
    charts.push(c1);
  }
  var compEl = document.getElementById('chart-completions');
  if (compEl) {
    var c2 = echarts.init(compEl, null, { renderer: 'svg' });
    c2.setOption({
      textStyle: { fontFamily: font },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 30, containLabel: true },
      xAxis: { type: 'category', data: d.weeks, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: '完成阶段数', minInterval: 1 },
      series: [{ name: '完成阶段', type: 'bar', data: d.completions, itemStyle: { color: '#a5161d' } }]
    });
    charts.push(c2);
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-charts', 'ready');
})();
`;
