import { buildXlsx } from './build-xlsx';

/** What one row of a long problem list says: category, problem, lead unit (as the list names it). */
const PROBLEMS: [category: string, problem: string, lead: string][] = [
  ['大气污染防治', '城区建筑工地扬尘管控不到位', '水气股'],
  ['大气污染防治', '部分加油站油气回收装置未正常运行', '执法大队'],
  ['大气污染防治', '餐饮油烟净化设施安装率偏低', '水气股'],
  ['大气污染防治', '露天焚烧秸秆现象时有发生', '执法大队'],
  ['大气污染防治', '空气自动站周边污染源管控不严', '环境监测站'],
  ['水污染防治', '乡镇污水处理厂进水浓度偏低', '水气股'],
  ['水污染防治', '入河排污口底数不清', '水气股'],
  ['水污染防治', '部分黑臭水体出现反弹', '水气股'],
  ['水污染防治', '饮用水水源保护区内存在违规设施', '生态股'],
  ['水污染防治', '水质自动监测数据异常未及时核查', '环境监测站'],
  ['生态保护', '自然保护区实验区内存在违规建设项目', '生态股'],
  ['生态保护', '矿山生态修复进度滞后', '生态股'],
  ['生态保护', '湿地公园内违规养殖未清退', '生态股'],
  ['生态保护', '生物多样性调查未按期开展', '生态股'],
  ['生态保护', '生态保护红线内违法用地未查处', '执法大队'],
  ['执法监管', '重点排污单位自动监控设施运维不规范', '执法大队'],
  ['执法监管', '危险废物规范化管理不到位', '执法大队'],
  ['执法监管', '环境信访件办理回复不及时', '执法大队'],
  ['执法监管', '监测数据弄虚作假问题查处不力', '环境监测站'],
  ['执法监管', '排污许可证后监管不到位', '执法大队'],
];

/**
 * A 20-problem inspection feedback list (督察反馈问题整改清单) as a bureau keeps it in Excel: the
 * title merged across the table, 问题类别 merged down over its five problems, lead units by the
 * names the bureau uses (执法大队 for 执法分局, 环境监测站 for 监测站), a 责任人 column of people,
 * and 整改时限 a month apart. The import test reads it back as 20 rows of the ledger.
 */
export function rectificationListWorkbook(): Promise<Buffer> {
  const rows = PROBLEMS.map(([category, problem, lead], i) => [
    i + 1,
    i % 5 === 0 ? category : null,
    problem,
    `${problem}问题整改到位`,
    `制定整改方案，明确责任人和时限，逐项销号`,
    lead,
    `责任人${i + 1}`,
    `2027年${(i % 10) + 3}月${i % 2 === 0 ? '底前' : '15日前'}`,
    i % 3 === 0 ? '立行立改' : '限期整改',
  ]);
  return buildXlsx([
    {
      name: '问题清单',
      rows: [
        ['2027年省级生态环境保护督察反馈问题整改清单'],
        ['序号', '问题类别', '问题描述', '整改目标', '整改措施', '责任单位', '责任人', '整改时限', '整改类型'],
        ...rows,
      ],
      // Category cells merged down over their five problems (rows 3–22 of the sheet).
      merges: ['A1:I1', 'B3:B7', 'B8:B12', 'B13:B17', 'B18:B22'],
    },
  ]);
}
