import { DomainError } from '@duban/domain/errors/domain-error';
import { parseReadingsCsv } from './readings-csv';

describe('readings CSV', () => {
  it('reads rows with their line numbers, Chinese or English headers', () => {
    const csv = '\ufeff指标,期间,数值,单位\n1.1,2021-01,40,μg/m³\n\n1.1,2021-02,38.5,μg/m³\n';
    expect(parseReadingsCsv(Buffer.from(csv))).toEqual([
      {
        row: 2,
        indicator: '1.1',
        period: '2021-01',
        value: 40,
        unit: 'μg/m³',
        goodDays: null,
        validDays: null,
      },
      {
        row: 4,
        indicator: '1.1',
        period: '2021-02',
        value: 38.5,
        unit: 'μg/m³',
        goodDays: null,
        validDays: null,
      },
    ]);
    const days = parseReadingsCsv(Buffer.from('indicator,period,good_days,valid_days\n2.1,2021-01,28,31\n'));
    expect(days[0]).toMatchObject({ goodDays: 28, validDays: 31, value: null });
  });

  it('marks a non-number as NaN for the validator and refuses unknown headers and broken CSV', () => {
    expect(parseReadingsCsv(Buffer.from('indicator,period,value\n1.1,2021-01,abc\n'))[0].value).toBeNaN();
    expect(() => parseReadingsCsv(Buffer.from('foo,period\n1,2\n'))).toThrow(DomainError);
    expect(() => parseReadingsCsv(Buffer.from('indicator,period,value\n1.1,"2021-01,40\n'))).toThrow('CSV');
    expect(() => parseReadingsCsv(Buffer.from(''))).toThrow('CSV');
  });
});
