import { splitRunTogetherLine } from './run-together-lines';

describe('a plan run together on one line', () => {
  it('cuts before chapters, sections, items and fields', () => {
    const line =
      '某市改善空气质量2022年工作方案为持续推进空气质量改善，特制订本方案。一、工作目标2022年，全市PM2.5年均浓度控制在40微克/立方米以下。' +
      '二、工作任务(一)全力打好重污染天气消除攻坚战1 .做好重污染天气应对。加强空气质量监测和预测预报。(责任单位:市重污染天气应急指挥部各成员单位)';
    expect(splitRunTogetherLine(line)).toEqual([
      '某市改善空气质量2022年工作方案为持续推进空气质量改善，特制订本方案。',
      '一、工作目标',
      '2022年，全市PM2.5年均浓度控制在40微克/立方米以下。',
      '二、工作任务',
      '(一)全力打好重污染天气消除攻坚战',
      '1 .做好重污染天气应对。加强空气质量监测和预测预报。(责任单位:市重污染天气应急指挥部各成员单位)',
    ]);
  });

  it('cuts labelled fields run into each other, not those inside brackets', () => {
    const line =
      '(一)部分领导干部环境保护意识不强，重发展、轻保护的问题仍然存在，对生态环境保护工作的长期性和艰巨性认识不足。整改目标:牢固树立绿色发展理念。' +
      '责任单位:州委办公室、州政府办公室,各县市党委和政府责任人:州委办公室主要负责人整改时限:立行立改,长期坚持';
    expect(splitRunTogetherLine(line)).toEqual([
      '(一)部分领导干部环境保护意识不强，重发展、轻保护的问题仍然存在，对生态环境保护工作的长期性和艰巨性认识不足。',
      '整改目标:牢固树立绿色发展理念。',
      '责任单位:州委办公室、州政府办公室,各县市党委和政府',
      '责任人:州委办公室主要负责人',
      '整改时限:立行立改,长期坚持',
    ]);
  });

  it('drops page numbers and leaves ordinary lines alone', () => {
    expect(splitRunTogetherLine('-1-建设和环境保护重要性的认识。')).toEqual(['建设和环境保护重要性的认识。']);
    const ordinary = '1.开展臭氧污染防治。制定方案。2.推进扬尘治理（责任单位：水气股）';
    expect(splitRunTogetherLine(ordinary)).toEqual([ordinary]);
  });
});
