import { chineseNumeral, markerOf, toChineseNumeral } from './numbering';

describe('numbering', () => {
  it('reads Chinese numerals', () => {
    expect([
      chineseNumeral('一'),
      chineseNumeral('九'),
      chineseNumeral('十'),
      chineseNumeral('十二'),
      chineseNumeral('二十三'),
    ]).toEqual([1, 9, 10, 12, 23]);
    expect(chineseNumeral('甲')).toBeNaN();
    expect(chineseNumeral('一二')).toBeNaN();
    expect(chineseNumeral('一百零五')).toBe(105);
  });

  it('writes and reads back every numeral below 10000', () => {
    expect([toChineseNumeral(10), toChineseNumeral(21), toChineseNumeral(105), toChineseNumeral(1010)]).toEqual([
      '十',
      '二十一',
      '一百零五',
      '一千零一十',
    ]);
    const misread = Array.from({ length: 9999 }, (_, i) => i + 1).filter(
      (n) => chineseNumeral(toChineseNumeral(n)) !== n,
    );
    expect(misread).toEqual([]);
  });

  it('tells headings, sections, items and sub-items apart', () => {
    expect(markerOf('三、主要任务')).toMatchObject({ level: 'heading', number: 3 });
    expect(markerOf('(一)系统谋划')).toMatchObject({ level: 'section', number: 1, rest: '系统谋划' });
    expect(markerOf('2.统筹编制')).toMatchObject({ level: 'item', number: 2 });
    expect(markerOf('2、统筹编制')).toMatchObject({ level: 'item', number: 2 });
    expect(markerOf('3)深入推进')).toMatchObject({ level: 'subitem', number: 3 });
    expect(markerOf('(4)加强')).toMatchObject({ level: 'subitem', number: 4 });
    expect(markerOf('(一百零二)加强')).toMatchObject({ level: 'section', number: 102 });
  });

  it('does not take decimals or years for item numbers', () => {
    expect(markerOf('1.3起/万枚')).toBeNull();
    expect(markerOf('2021年是')).toBeNull();
  });
});
