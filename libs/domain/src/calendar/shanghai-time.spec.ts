import { shanghaiDate, shanghaiDateTime } from './shanghai-time';

describe('Beijing time of an instant', () => {
  it('is UTC+8 whatever the server zone, across midnight and the year end', () => {
    expect(shanghaiDateTime('2021-10-08T09:30:00.000Z')).toBe('2021-10-08 17:30');
    expect(shanghaiDateTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
    expect(shanghaiDateTime(new Date('2026-12-31T15:59:00.000Z'))).toBe('2026-12-31 23:59');
    expect(shanghaiDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });
});
