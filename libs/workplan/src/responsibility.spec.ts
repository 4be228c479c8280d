import { findResponsibility, splitUnits } from './responsibility';

describe('responsible units', () => {
  const units = (text: string) => {
    const found = findResponsibility(text);
    return found && [found.responsibility.lead.name, found.responsibility.cooperating.map((u) => u.name)];
  };

  it('reads a plain list: the first unit leads', () => {
    expect(units('甲事项。(责任单位:综合股、生态股、监测站)')).toEqual(['综合股', ['生态股', '监测站']]);
  });

  it('reads 牵头单位 / 配合单位, with other fields between', () => {
    expect(units('甲。(牵头单位:生态股;完成时限:2021年6月底前;配合单位:执法分局、监测站)')).toEqual([
      '生态股',
      ['执法分局', '监测站'],
    ]);
    // Two leads: the first leads the workflow, the second is a co-lead (taking part like a cooperating unit).
    const two = findResponsibility('甲。(牵头单位:生态股、水气股;配合单位:监测站)')!.responsibility;
    expect([two.lead.name, two.coLeads?.map((u) => u.name), two.cooperating.map((u) => u.name)]).toEqual([
      '生态股',
      ['水气股'],
      ['监测站'],
    ]);
  });

  it('reads 责任股室 / 责任科室, bare clauses and a missing colon', () => {
    expect(units('甲。(责任股室:综合股)')).toEqual(['综合股', []]);
    expect(units('甲。【责任科室:法规科、监测科】')).toEqual(['法规科', ['监测科']]);
    expect(units('甲事项。责任单位:水气股、监测站')).toEqual(['水气股', ['监测站']]);
    expect(units('甲。(责任单位水气股)')).toEqual(['水气股', []]);
  });

  it('cuts the clause out exactly, nested brackets included', () => {
    const text = '甲事项。(责任单位:区生态环境局(水气股)、监测站)后文';
    const found = findResponsibility(text)!;
    expect(found.responsibility.lead.name).toBe('区生态环境局(水气股)');
    expect(text.slice(0, found.start) + text.slice(found.end)).toBe('甲事项。后文');
    expect(found.unclosed).toBe(false);
  });

  it('takes the rest of the text when the bracket is not closed, and says so', () => {
    const found = findResponsibility('甲事项。(责任单位:水气股、监测站')!;
    expect(found.unclosed).toBe(true);
    expect(found.responsibility.cooperating.map((u) => u.name)).toEqual(['监测站']);
  });

  it('resolves group words instead of dropping them', () => {
    expect(splitUnits('局党组、各股室、执法分局及相关业务股室、局机关各科室、有关单位')).toEqual([
      { name: '局党组', kind: 'unit' },
      { name: '各股室', kind: 'all-sections' },
      { name: '执法分局', kind: 'unit' },
      { name: '相关业务股室', kind: 'related-sections' },
      { name: '局机关各科室', kind: 'all-sections' },
      { name: '有关单位', kind: 'related-sections' },
    ]);
  });

  it('ignores stray spaces and keeps names holding 和', () => {
    expect(splitUnits(' 水气 股 、 区住房和城乡建设局 , 监测站及执法分局')).toEqual([
      { name: '水气股', kind: 'unit' },
      { name: '区住房和城乡建设局', kind: 'unit' },
      { name: '监测站', kind: 'unit' },
      { name: '执法分局', kind: 'unit' },
    ]);
  });
});

describe('responsibility written in the sentence itself', () => {
  const units = (text: string) => {
    const found = findResponsibility(text);
    return found && [found.responsibility.lead.name, found.responsibility.cooperating.map((u) => u.name)];
  };

  it('reads 由A牵头，B、C配合 and A牵头，B落实', () => {
    expect(units('加快推进提标改造。由区水务局牵头，区生态环境分局、区财政局配合，3月底前完成。')).toEqual([
      '区水务局',
      ['区生态环境分局', '区财政局'],
    ]);
    expect(units('开展森林防火检查。区林业局牵头，各乡镇人民政府落实，2月底前完成。')).toEqual([
      '区林业局',
      ['各乡镇人民政府'],
    ]);
  });

  it('reads 请A牵头… and 请A会同B…', () => {
    expect(units('关于垃圾清运的批示。请区城管局牵头核查处理，1月10日前报送结果。')).toEqual(['区城管局', []]);
    expect(units('关于异味扰民的批示。请区生态环境分局会同属地街道办事处开展调查。')).toEqual([
      '区生态环境分局',
      ['属地街道办事处'],
    ]);
  });

  it('keeps the action of a part that goes on after the verb in the body', () => {
    const found = findResponsibility('请区城管局牵头核查处理，1月10日前报送结果。')!;
    expect(found.spans.every((s) => s.end === s.start)).toBe(true);
  });

  it('takes no units from sentences whose subject is no unit', () => {
    expect(findResponsibility('各地要牵头抓总，持续推进落实。')).toBeNull();
    expect(findResponsibility('坚持党建引领，统筹推进落实。')).toBeNull();
  });
});
