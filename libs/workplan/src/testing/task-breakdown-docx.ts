import { buildDocx, DocxCell } from './build-docx';

const restart = (text: string): DocxCell => ({ text, vMerge: 'restart' });
const below: DocxCell = { text: '', vMerge: 'continue' };

/**
 * A 2027 task breakdown table (重点工作任务分解表) written in Word: a 重点工作 cell merged down over
 * its 具体措施 rows, 责任股室 / 配合股室 / 完成时限 columns, a section row spanning the table. Each
 * measure is a task of its own; written to the corpus (67-…).
 */
export function taskBreakdownDocx(): Promise<Buffer> {
  return buildDocx([
    { text: '某县生态环境分局2027年重点工作任务分解表' },
    { text: '为确保2027年各项重点工作落到实处，现将重点工作任务分解如下。' },
    {
      text: '',
      table: [
        ['序号', '重点工作', '具体措施', '责任股室', '配合股室', '完成时限'],
        [{ text: '一、污染防治攻坚', gridSpan: 6 }],
        [restart('1'), restart('臭氧污染协同防控'), '编制2027年臭氧污染防控方案', '大气股', '监测站', '2027年4月底前'],
        [below, below, '完成12家涉VOCs企业“一企一策”治理', '大气股', '执法大队', '2027年9月30日前'],
        ['2', '重污染天气应对', '修订重污染天气应急减排清单', '大气股', '', '2027年10月底前'],
        [
          restart('3'),
          restart('饮用水水源地保护'),
          '开展千吨万人水源地环境问题排查',
          '水生态股',
          '监测站\n执法大队',
          '上半年',
        ],
        [below, below, '每季度开展一次水源地水质监测', '监测站', '', '每季度'],
        [{ text: '二、生态环境监管', gridSpan: 6 }],
        ['4', '“双随机、一公开”执法检查', '按年度抽查计划开展随机抽查', '执法大队', '', '全年'],
        ['5', '环境信访办理', '信访件按期办结率100%', '综合股', '各股室', '长期坚持'],
      ],
    },
  ]);
}
