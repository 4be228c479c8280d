import { chineseNumeral, markerOf } from './numbering';

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
  });

  it('tells headings, sections, items and sub-items apart', () => {
    expect(markerOf('三、主要任务')).toMatchObject({ level: 'heading', number: 3 });
    expect(markerOf('(一)系统谋划')).toMatchObject({ level: 'section', number: 1, rest: '系统谋划' });
    expect(markerOf('2.统筹编制')).toMatchObject({ level: 'item', number: 2 });
    expect(markerOf('2、统筹编制')).toMatchObject({ level: 'item', number: 2 });
    expect(markerOf('3)深入推进')).toMatchObject({ level: 'subitem', number: 3 });
    expect(markerOf('(4)加强')).toMatchObject({ level: 'subitem', number: 4 });
  });

  it('does not take decimals or years for item numbers', () => {
    expect(markerOf('1.3起/万枚')).toBeNull();
    expect(markerOf('2021年是')).toBeNull();
  });
});
