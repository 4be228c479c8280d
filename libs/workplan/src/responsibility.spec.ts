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
    expect(units('甲。(牵头单位:生态股、水气股;配合单位:监测站)')).toEqual(['生态股', ['水气股', '监测站']]);
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
