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
      legend: { data: ['绿灯', '黄灯', '红灯', '完成率'] },
      grid: { left: 40, right: 40, bottom: 70, top: 40 },
      xAxis: { type: 'category', data: d.units, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: [{ type: 'value', name: '任务' }, { type: 'value', name: '%', max: 100 }],
      series: [
        { name: '绿灯', type: 'bar', stack: 'l', data: d.green, itemStyle: { color: '#1a7f37' } },
        { name: '黄灯', type: 'bar', stack: 'l', data: d.yellow, itemStyle: { color: '#bf8700' } },
        { name: '红灯', type: 'bar', stack: 'l', data: d.red, itemStyle: { color: '#cf222e' } },
        { name: '完成率', type: 'line', yAxisIndex: 1, data: d.rate, itemStyle: { color: '#0b57d0' } }
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
      grid: { left: 40, right: 20, bottom: 50, top: 30 },
      xAxis: { type: 'category', data: d.weeks, name: '周' },
      yAxis: { type: 'value', name: '完成阶段数', minInterval: 1 },
      series: [{ name: '完成阶段', type: 'bar', data: d.completions, itemStyle: { color: '#a5161d' } }]
    });
    charts.push(c2);
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-charts', 'ready');
})();
`;
