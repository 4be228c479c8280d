import { findResponsibility, headingLead, isUnitList, splitUnits, splitTopLevel } from './responsibility';

/** Lead, co-leads and cooperating units as names: the forms the corpus writes, one row each. */
const roles = (text: string) => {
  const r = findResponsibility(text)?.responsibility;
  return r ? [r.lead.name, (r.coLeads ?? []).map((u) => u.name), r.cooperating.map((u) => u.name)] : null;
};

describe('labelled responsibility fields', () => {
  it.each([
    ['(牵头单位:生态股)', ['生态股', [], []]],
    ['(牵头责任单位:生态股;配合单位:监测站)', ['生态股', [], ['监测站']]],
    ['(牵头股室:生态股;主要配合单位:监测站)', ['生态股', [], ['监测站']]],
    ['(牵头科室:生态科;协办单位:监测站)', ['生态科', [], ['监测站']]],
    ['(牵头部门:区林业局;协同部门:区水务局)', ['区林业局', [], ['区水务局']]],
    ['(牵头处室:规划处;参与单位:区财政局)', ['规划处', [], ['区财政局']]],
    ['(牵头单位:区林业局;协助单位:区水务局)', ['区林业局', [], ['区水务局']]],
    ['(牵头单位:区林业局;协作单位:区水务局)', ['区林业局', [], ['区水务局']]],
    ['(问题整改责任单位:区林业局、区水务局)', ['区林业局', [], ['区水务局']]],
    ['(整改责任单位:区林业局)', ['区林业局', [], []]],
    ['(具体责任单位:区林业局)', ['区林业局', [], []]],
    ['(承办单位:区林业局、区水务局)', ['区林业局', [], ['区水务局']]],
    ['(主办单位:区林业局)', ['区林业局', [], []]],
    ['(实施主体:区林业局)', ['区林业局', [], []]],
    ['(责任部门:区林业局)', ['区林业局', [], []]],
    ['(责任处室:规划处)', ['规划处', [], []]],
    ['(责任机构:区林业局)', ['区林业局', [], []]],
    ['(部门分工:区林业局牵头,区水务局配合)', ['区林业局', [], ['区水务局']]],
    // a 牵头 field names the leads: the 责任 list then cooperates
    ['(责任单位:区水务局、区财政局;牵头单位:区林业局)', ['区林业局', [], ['区水务局', '区财政局']]],
    ['(牵头单位:区林业局、区水务局)', ['区林业局', ['区水务局'], []]],
    // a unit named twice is named once, as the lead
    ['(牵头单位:区林业局;配合单位:区林业局、区水务局)', ['区林业局', [], ['区水务局']]],
  ])('%s', (clause, expected) => {
    expect(roles(`甲事项。${clause}`)).toEqual(expected);
  });

  it.each([
    ['(责任单位:水气股;责任领导:张三)'],
    ['(责任单位:水气股;分管领导:李四)'],
    ['(责任单位:水气股;责任人:王五)'],
    ['(责任单位:水气股;联系人:赵六;联系电话:0791-1234567)'],
    ['(责任单位:水气股;区责任领导:张三)'],
    ['(责任单位:水气股;包保领导:张三)'],
    ['(责任单位:水气股;备注:无)'],
    ['(责任单位:水气股;整改目标:达标排放)'],
    ['(责任单位:水气股;完成标准:通过验收)'],
  ])('leaves people and other fields out: %s', (clause) => {
    expect(roles(`甲事项。${clause}`)).toEqual(['水气股', [], []]);
  });

  it('ends a bare field at the next field or label, or at the sentence', () => {
    expect(roles('问题整改责任单位:市科技馆 整改时限:3天')).toEqual(['市科技馆', [], []]);
    expect(roles('责任单位:市科技馆整改时限:3天')).toEqual(['市科技馆', [], []]);
    expect(roles('牵头单位:区林业局责任单位:区水务局')).toEqual(['区林业局', [], ['区水务局']]);
    expect(roles('甲事项。责任单位:区林业局。乙事项')).toEqual(['区林业局', [], []]);
    expect(roles('甲事项。\n牵头单位:区林业局\n配合单位:区水务局\n')).toEqual(['区林业局', [], ['区水务局']]);
  });

  it('cuts a bare field out with its full stop or line end', () => {
    const text = '甲事项。责任单位:区林业局。乙事项';
    const found = findResponsibility(text)!;
    expect(text.slice(0, found.start) + text.slice(found.end)).toBe('甲事项。乙事项');
    const lines = '甲事项\n责任单位:区林业局\n乙';
    const inLines = findResponsibility(lines)!;
    expect(lines.slice(0, inLines.start) + lines.slice(inLines.end)).toBe('甲事项\n乙');
  });

  it('merges several clauses of one item and gives each its span', () => {
    const text = '甲事项(牵头单位:区林业局)。配合单位:区水务局';
    const found = findResponsibility(text)!;
    expect(roles(text)).toEqual(['区林业局', [], ['区水务局']]);
    expect(found.spans).toHaveLength(2);
    expect(found.responsibility.raw).toBe('牵头单位:区林业局；配合单位:区水务局');
  });

  it('takes a label without its colon only inside a bracket, and not as a word of a sentence', () => {
    expect(roles('甲。(牵头单位区林业局)')).toEqual(['区林业局', [], []]);
    expect(roles('对口协助单位每季度报送进展')).toBeNull();
    expect(findResponsibility('甲。(列第一位者为牵头单位或牵头部门)')).toBeNull();
    expect(findResponsibility('甲。(牵头单位和配合单位要加强协作)')).toBeNull();
    expect(findResponsibility('甲。(牵头单位应当每月报送)')).toBeNull();
  });

  it('finds no responsibility in an item that names none', () => {
    expect(findResponsibility('加强生态环境宣传教育。')).toBeNull();
    expect(findResponsibility('甲事项。(2027年完成)')).toBeNull();
    expect(findResponsibility('甲事项。(责任领导:张三)')).toBeNull();
  });
});

describe('role verbs', () => {
  it.each([
    ['〔区生态环境局牵头，区发改委参与，各镇负责落实〕', ['区生态环境局', [], ['区发改委', '各镇']]],
    ['(区生态环境局牵头负责,区水务局配合)', ['区生态环境局', [], ['区水务局']]],
    ['(区生态环境局牵头抓总,区水务局协助)', ['区生态环境局', [], ['区水务局']]],
    [
      '(区生态环境局牵头,区水务局协同,区财政局协办,区公安分局参加)',
      ['区生态环境局', [], ['区水务局', '区财政局', '区公安分局']],
    ],
    ['(区生态环境局牵头,各街道具体落实)', ['区生态环境局', [], ['各街道']]],
    ['(区生态环境局牵头,各街道抓好落实)', ['区生态环境局', [], ['各街道']]],
    ['(区生态环境局牵头,各街道组织实施)', ['区生态环境局', [], ['各街道']]],
    ['(区财政局、区税务局按职责分工负责)', ['区财政局', [], ['区税务局']]],
    ['(区财政局、区税务局按职责负责)', ['区财政局', [], ['区税务局']]],
    ['(区财政局、区税务局按照职责分工负责)', ['区财政局', [], ['区税务局']]],
    ['(区财政局、区税务局按职能分工负责)', ['区财政局', [], ['区税务局']]],
    ['(区财政局、区税务局分工负责)', ['区财政局', [], ['区税务局']]],
    ['(区财政局负责)', ['区财政局', [], []]],
    ['(区生态环境局牵头,各街道负责落实。以下各项不再列出)', ['区生态环境局', [], ['各街道']]],
  ])('%s', (clause, expected) => {
    expect(roles(`甲事项。${clause}`)).toEqual(expected);
  });

  it('takes no clause of cooperating units alone, or of a bracket that is a sentence', () => {
    expect(findResponsibility('甲事项。(区水务局配合)')).toBeNull();
    expect(findResponsibility('甲事项。(确保按期完成,做好宣传)')).toBeNull();
  });

  it('reads a closing bracket of unit names only as the list of units', () => {
    expect(roles('推进企业技改。(市经信局、市财政局)')).toEqual(['市经信局', [], ['市财政局']]);
    expect(roles('推进企业技改。(市经信局、市财政局)。')).toEqual(['市经信局', [], ['市财政局']]);
    expect(findResponsibility('推进企业技改。(共3项)')).toBeNull();
  });
});

describe('responsibility in running text', () => {
  it.each([
    ['要求区水务局牵头负责,区财政局配合', ['区水务局', [], ['区财政局']]],
    ['区水务局牵头抓总,区财政局参与', ['区水务局', [], ['区财政局']]],
    ['由区水务局牵头,区财政局协助', ['区水务局', [], ['区财政局']]],
    ['区水务局牵头,区财政局协同', ['区水务局', [], ['区财政局']]],
    ['区水务局牵头,区财政局协办', ['区水务局', [], ['区财政局']]],
    ['区水务局牵头,区财政局参加', ['区水务局', [], ['区财政局']]],
    ['区水务局牵头,各街道具体落实', ['区水务局', [], ['各街道']]],
    ['区水务局牵头,各街道抓好落实', ['区水务局', [], ['各街道']]],
    ['由区水务局会同区财政局共同研究', ['区水务局', [], ['区财政局']]],
    ['请区水务局会同区财政局办理', ['区水务局', [], ['区财政局']]],
    ['要求区水务局会同区财政局核查', ['区水务局', [], ['区财政局']]],
  ])('%s', (text, expected) => {
    expect(roles(`推进雨污分流改造。${text}。`)).toEqual(expected);
  });

  it('needs a lead in the sentence: cooperating units alone are no responsibility', () => {
    expect(findResponsibility('推进雨污分流改造。区财政局配合。')).toBeNull();
  });

  it('reads each sentence on its own', () => {
    expect(roles('区财政局配合。区水务局牵头,各街道落实。')).toEqual(['区水务局', [], ['各街道']]);
  });
});

describe('unit names', () => {
  it.each([
    ['市经信局、市财政局、各县区政府', true],
    ['相关部门', true],
    ['有关单位、区科技局(筹)', true],
    ['列第一位者为牵头部门', false],
    ['区水务局,区财政局', true],
    ['县开发区管委会', true],
    ['确保按期完成', false],
    ['', false],
    ['区水务局、按期完成', false],
  ])('%s is a list of units: %s', (text, expected) => {
    expect(isUnitList(text)).toBe(expected);
  });

  it.each([
    ['县示范区管委会牵头工作(8项)', '县示范区管委会'],
    ['区生态环境局牵头的事项', '区生态环境局'],
    ['区生态环境局牵头任务', '区生态环境局'],
    ['区生态环境局牵头项目', '区生态环境局'],
    ['各地牵头工作', null],
    ['生态环境保护工作', null],
  ])('heading %s names its lead: %s', (title, expected) => {
    expect(headingLead(title)).toBe(expected);
  });

  it.each([
    ['区林业局/区水务局', ['区林业局', '区水务局']],
    ['区林业局;区水务局', ['区林业局', '区水务局']],
    ['由区林业局', ['区林业局']],
    ['会同区林业局', ['区林业局']],
    ['督促区林业局', ['区林业局']],
    ['区林业局等有关部门', ['区林业局']],
    ['区林业局等', ['区林业局']],
    ['区林业局牵头', ['区林业局']],
    ['区林业局。', ['区林业局']],
    ['区财政局区税务局', ['区财政局', '区税务局']],
    ['区财政局区队', ['区财政局区队']],
    ['区财政局(区税务局)', ['区财政局(区税务局)']],
    ['黄埔区、南沙区政府', ['黄埔区、南沙区政府']],
    ['各县、区人民政府(管委会)', ['各县、区人民政府(管委会)']],
    ['黄埔区、市财政局', ['黄埔区', '市财政局']],
    ['区林业局及区水务局', ['区林业局', '区水务局']],
  ])('splits %s', (list, names) => {
    expect(splitUnits(list).map((u) => u.name)).toEqual(names);
  });

  it('splits on a separator outside brackets and 《》 only', () => {
    expect(splitTopLevel('各县(市、区)、《条例》、A', /、/)).toEqual(['各县(市、区)', '《条例》', 'A']);
    expect(splitTopLevel('A、《甲、乙》', /、/)).toEqual(['A', '《甲、乙》']);
    expect(splitTopLevel('A)、B', /、/)).toEqual(['A)', 'B']);
  });
});
