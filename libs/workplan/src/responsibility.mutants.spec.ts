import { findResponsibility, headingLead, isUnitList, parseResponsibility, splitUnits } from './responsibility';

/**
 * Behaviour the other responsibility specs leave open: where each clause lies (start, end, spans,
 * unclosed), which brackets belong to a clause, and the edges of the unit-name rules. Each case is
 * written as a plan would print it.
 */

/** Lead, co-leads and cooperating units as names. */
const roles = (text: string) => {
  const r = findResponsibility(text)?.responsibility;
  return r ? [r.lead.name, (r.coLeads ?? []).map((u) => u.name), r.cooperating.map((u) => u.name)] : null;
};
const spans = (text: string) => findResponsibility(text)?.spans ?? null;
const names = (list: string) => splitUnits(list).map((u) => u.name);

describe('the bracket a labelled clause lies in', () => {
  it('takes a bracket that opens the text itself', () => {
    const found = findResponsibility('(牵头单位:区林业局)')!;
    expect([found.start, found.end]).toEqual([0, 11]);
    expect(roles('(牵头单位:区林业局)')).toEqual(['区林业局', [], []]);
  });

  it('skips the fields written before the label inside the same bracket', () => {
    const text = '推进项目建设(责任领导:杜新国;牵头单位:区发改局)';
    const found = findResponsibility(text)!;
    expect(found.spans).toEqual([{ start: 6, end: text.length }]);
    expect(roles(text)).toEqual(['区发改局', [], []]);
    expect(found.responsibility.raw).toBe('责任领导:杜新国;牵头单位:区发改局');
  });

  it('counts a closed pair before the label as part of the outer bracket', () => {
    const text = '甲事项(完成时限:2023年6月底(含);责任单位:水气股)';
    const found = findResponsibility(text)!;
    expect(found.spans).toEqual([{ start: 3, end: text.length }]);
    expect(roles(text)).toEqual(['水气股', [], []]);
  });

  it('does not take a bracket whose text before the label is no field', () => {
    // "2023年6月底前完成;" has no key: the label starts a bare clause, the bracket is not its own.
    const text = '甲事项(2023年6月底前完成;责任单位:水气股)';
    expect(findResponsibility(text)!.start).toBe(text.indexOf('责任单位'));
  });

  it('keeps a role-verb bracket inside a labelled clause as part of it, not a second clause', () => {
    const text = '甲事项。责任单位:区林业局(区水务局负责)';
    const found = findResponsibility(text)!;
    expect(found.spans).toEqual([{ start: 4, end: text.length }]);
    expect(found.responsibility.cooperating).toEqual([]);
  });
});

describe('a label without its colon', () => {
  it('is taken inside a bracket in the middle of the text, up to the closing bracket', () => {
    const text = '推进老旧小区改造(责任单位区住房和城乡建设局),年底前完成';
    const found = findResponsibility(text)!;
    expect(roles(text)).toEqual(['区住房和城乡建设局', [], []]);
    expect(found.spans).toEqual([{ start: text.indexOf('('), end: text.indexOf(')') + 1 }]);
  });

  it('ends its clause at the closing bracket, before a full stop', () => {
    const text = '甲。(责任单位水气股)。';
    expect(spans(text)).toEqual([{ start: 2, end: 11 }]);
  });
});

describe('the bounds of a bare clause', () => {
  it('stops at the end of its line even when another label follows later', () => {
    const text = '甲事项\n责任单位:区林业局\n2023年底前完成\n配合单位:区水务局';
    expect(roles(text)).toEqual(['区林业局', [], ['区水务局']]);
    expect(spans(text)).toEqual([
      { start: text.indexOf('责任单位'), end: text.indexOf('2023') },
      { start: text.indexOf('配合单位'), end: text.length },
    ]);
  });

  it('takes nothing from the next line for a field left empty', () => {
    const text = '牵头单位:区林业局\n配合单位:\n乙事项说明';
    expect(roles(text)).toEqual(['区林业局', [], []]);
    expect(spans(text)).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 16 },
    ]);
  });

  it('is a closed clause', () => {
    expect(findResponsibility('甲事项。责任单位:区林业局')!.unclosed).toBe(false);
  });

  it('keeps the space before the next field out of the raw text', () => {
    expect(findResponsibility('问题整改责任单位:市科技馆 整改时限:3天')!.responsibility.raw).toBe(
      '问题整改责任单位:市科技馆',
    );
  });
});

describe('the clauses of one item together', () => {
  it('says unclosed when any one clause is', () => {
    const text = '甲事项(牵头单位:区林业局)。乙事项(配合单位:区水务局';
    const found = findResponsibility(text)!;
    expect(found.unclosed).toBe(true);
    expect(found.spans).toEqual([
      { start: 3, end: text.indexOf(')') + 1 },
      { start: text.lastIndexOf('('), end: text.length },
    ]);
  });

  it('reads a role-verb bracket besides a labelled clause', () => {
    const text = '甲事项(牵头单位:区林业局)。乙事项(区水务局、区财政局按职责分工负责)';
    expect(roles(text)).toEqual(['区林业局', [], ['区水务局', '区财政局']]);
    expect(spans(text)).toEqual([
      { start: 3, end: text.indexOf(')') + 1 },
      { start: text.lastIndexOf('('), end: text.length },
    ]);
  });

  it('orders the clauses by where they stand, whatever found them', () => {
    const text = '推进河道整治(区水务局牵头,区财政局配合)。配合单位:区林业局';
    const found = findResponsibility(text)!;
    expect([found.start, found.end]).toEqual([6, text.length]);
    expect(found.spans).toEqual([
      { start: 6, end: 21 },
      { start: 22, end: text.length },
    ]);
    expect(found.responsibility.raw).toBe('区水务局牵头,区财政局配合；配合单位:区林业局');
  });

  it('lets only the first list lead when there is no 牵头 field', () => {
    expect(roles('甲事项(责任单位:区水务局、区财政局)。乙事项(责任单位:区林业局、区公安分局)')).toEqual([
      '区水务局',
      [],
      ['区财政局', '区林业局', '区公安分局'],
    ]);
  });

  it('lets the list lead when the 牵头 field is left empty', () => {
    expect(roles('甲事项\n牵头单位:\n责任单位:区水务局、区财政局')).toEqual(['区水务局', [], ['区财政局']]);
  });

  it('reads a units-only bracket at the end only when no clause was found', () => {
    expect(roles('加快推进河湖治理(牵头单位:区水务局)。开展岸线清理(区农业农村局、区林业局)')).toEqual([
      '区水务局',
      [],
      [],
    ]);
  });

  it('reads a bracket of cooperating units alone as no clause, even beside a lead', () => {
    expect(roles('加快推进河湖治理(牵头单位:区水务局)。做好宣传(区农业农村局配合)')).toEqual(['区水务局', [], []]);
  });
});

describe('role-verb brackets', () => {
  it('ends at its closing bracket and is closed', () => {
    const text = '甲事项。(区生态环境局牵头,区水务局配合)后文';
    const found = findResponsibility(text)!;
    expect(found.spans).toEqual([{ start: 4, end: text.indexOf('后文') }]);
    expect(found.unclosed).toBe(false);
  });

  it('reads parts separated by ; with verbs not among the trailing words', () => {
    expect(roles('甲事项。〔区生态环境局牵头;区发改委协同〕')).toEqual(['区生态环境局', [], ['区发改委']]);
  });

  it('allows a space before a separator and an empty last part', () => {
    expect(roles('甲事项。(区生态环境局牵头 ,区发改委参与)')).toEqual(['区生态环境局', [], ['区发改委']]);
    expect(roles('甲事项。(区生态环境局牵头,区发改委参与;)')).toEqual(['区生态环境局', [], ['区发改委']]);
  });

  it('takes up to 80 characters of units before a verb (a space before the verb not counted)', () => {
    const list = (n: number) =>
      Array.from({ length: n }, (_, i) => `区第${String.fromCharCode(0x4e00 + i)}局`).join('、');
    const exactly = `${list(15)}、区某某某局`;
    expect(exactly.length).toBe(80);
    const tooLong = `${list(15)}、区某某某某局`;
    expect(tooLong.length).toBe(81);
    expect(roles(`甲事项。(${exactly}按职责分工负责)`)?.[0]).toBe('区第一局');
    expect(roles(`甲事项。(${exactly} 按职责分工负责)`)?.[0]).toBe('区第一局');
    expect(findResponsibility(`甲事项。(${tooLong}按职责分工负责)`)).toBeNull();
  });
});

describe('a closing bracket of unit names', () => {
  it('is read only at the end of the text', () => {
    expect(findResponsibility('组织相关部门(区水务局、区财政局)开展联合检查。')).toBeNull();
  });

  it('is a closed clause', () => {
    expect(findResponsibility('推进企业技改。(市经信局、市财政局)')!.unclosed).toBe(false);
  });
});

describe('positions of responsibility written in the sentence', () => {
  it('gives each part its span: a pure lead and a cooperating part are cut, the rest stays', () => {
    const found = findResponsibility('由区水务局牵头,区财政局配合,3月底前完成。')!;
    expect(found.spans).toEqual([
      { start: 0, end: 7 },
      { start: 8, end: 14 },
    ]);
    expect(found.unclosed).toBe(false);
  });

  it('counts a space after the comma out of the part', () => {
    expect(spans('区水务局牵头, 区财政局配合')).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 14 },
    ]);
  });

  it('counts the offsets of a later sentence from the start of the text', () => {
    expect(spans('区财政局配合。区水务局牵头,各街道落实。')).toEqual([
      { start: 7, end: 13 },
      { start: 14, end: 19 },
    ]);
  });

  it('keeps a 会同 part in the body and is closed', () => {
    const found = findResponsibility('请区生态环境分局会同属地街道办事处开展调查。')!;
    expect(found.spans).toEqual([{ start: 0, end: 0 }]);
    expect(found.unclosed).toBe(false);
  });
});

describe('fields of a labelled clause', () => {
  it('breaks at a space before the next key inside a bracket', () => {
    expect(roles('(问题整改责任单位:市科技馆 整改时限:3天)')).toEqual(['市科技馆', [], []]);
    expect(roles('(问题整改责任单位:市科技馆 整改时限 :3天)')).toEqual(['市科技馆', [], []]);
  });

  it('skips other fields and people even when they end in a role verb', () => {
    expect(roles('(牵头单位:区水务局;备注:各街道按职责分工负责)')).toEqual(['区水务局', [], []]);
    expect(roles('(责任单位:区水务局;责任领导:王副区长负责)')).toEqual(['区水务局', [], []]);
  });

  it('parses the inside of one clause for callers, trimming its raw text', () => {
    const r = parseResponsibility(' 责任单位:水气股、监测站 ')!;
    expect([r.lead.name, r.cooperating.map((u) => u.name), r.raw]).toEqual([
      '水气股',
      ['监测站'],
      '责任单位:水气股、监测站',
    ]);
  });
});

describe('unit lists and headings', () => {
  it('ignores an empty part left by a stray separator, and spaces', () => {
    expect(isUnitList('市经信局、市财政局、')).toBe(true);
    expect(isUnitList('市经信局 、市财政局')).toBe(true);
  });

  it('finds the lead of a heading with a stray space', () => {
    expect(headingLead('县示范区管委会 牵头工作(8项)')).toBe('县示范区管委会');
  });

  it('looks for the lead of a heading in its first 30 characters only', () => {
    expect(headingLead('区发展改革委、区财政局、区生态环境局、区水务局、区住房城乡建设局牵头工作')).toBeNull();
  });
});

describe('splitting unit lists', () => {
  it('drops stacked trailing words', () => {
    expect(names('区林业局等部门牵头')).toEqual(['区林业局']);
  });

  it('keeps a body apart from a unit before it', () => {
    expect(names('区林业局、南沙区政府')).toEqual(['区林业局', '南沙区政府']);
    expect(names('区林业局、黄埔区、南沙区政府')).toEqual(['区林业局', '黄埔区、南沙区政府']);
  });

  it('shares a body only between places of its kind', () => {
    expect(names('黄埔区、增城市政府')).toEqual(['黄埔区', '增城市政府']);
    expect(names('从化县、黄埔区、南沙区政府')).toEqual(['从化县', '黄埔区、南沙区政府']);
  });

  it('splits two names run together into pieces of three characters or more', () => {
    expect(names('区委办区府办')).toEqual(['区委办', '区府办']);
    expect(names('区委区政府督查室')).toEqual(['区委区政府督查室']);
  });

  it('keeps a name holding a bracket whole', () => {
    expect(names('区政务服务中心(区委办区府办)')).toEqual(['区政务服务中心(区委办区府办)']);
  });
});

describe('role verbs in the running text', () => {
  it('are read only when the item holds no clause of its own', () => {
    const text = '区林业局牵头,开展森林防火检查。(责任单位:区应急管理局、区林业局)';
    expect(roles(text)).toEqual(['区应急管理局', [], ['区林业局']]);
    expect(spans(text)).toEqual([{ start: text.indexOf('('), end: text.length }]);
  });
});
