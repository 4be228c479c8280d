import { parseIndicators } from './targets';

describe('target indicators', () => {
  const one = (sentence: string) => {
    const found = parseIndicators(sentence);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it.each([
    ['细颗粒物(PM2.5)年均浓度34微克/立方米以下', 'lte', 34, '微克/立方米', false],
    ['空气质量优良天数比例力争达到90%', 'gte', 90, '%', true],
    ['受污染耕地安全利用率93%以上', 'gte', 93, '%', false],
    ['Ⅴ类水比例控制在30%以内', 'lte', 30, '%', false],
    ['县级及以上城市集中式饮用水水源达标率100%', 'eq', 100, '%', false],
    ['全区建设农村污水处理设施50个', 'gte', 50, '个', false],
    ['放射源辐射事故年发生率1.3起/万枚以下', 'lte', 1.3, '起/万枚', false],
    ['化学需氧量排放量不超过1.2万吨', 'lte', 1.2, '万吨', false],
    ['森林覆盖率不低于60%', 'gte', 60, '%', false],
    ['重污染天数比率下降2个百分点', 'gte', 2, '个百分点', false],
    ['新增造林面积1.5万亩', 'gte', 1.5, '万亩', false],
  ])('%s', (sentence, comparator, value, unit, aspirational) => {
    expect(one(sentence)).toMatchObject({ comparator, value, unit, aspirational, raw: sentence });
  });

  it('reads every indicator of a sentence, each with its own name', () => {
    const found = parseIndicators(
      'PM2.5年均浓34微克/立方米以下,PM10年均浓度62微克/立方米以下;二氧化氮年均浓度33微克/立方米以下',
    );
    expect(found.map((i) => [i.name, i.value])).toEqual([
      ['PM2.5年均浓', 34],
      ['PM10年均浓度', 62],
      ['二氧化氮年均浓度', 33],
    ]);
  });

  it('takes no value from names, years or water classes', () => {
    expect(parseIndicators('PM2.5和O3协同控制')).toEqual([]);
    expect(parseIndicators('到2025年水质达到Ⅲ类')).toEqual([]);
    expect(parseIndicators('排放降低比例达到“十四五”规划时序进度要求')).toEqual([]);
  });
});
