import { formatDateTime, rowProgressText } from './format';

describe('format', () => {
  it('shows an instant in Beijing time, and a dash for none', () => {
    expect(formatDateTime('2027-06-30T09:30:00.000Z')).toBe('2027-06-30 17:30');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime(null)).toBe('—');
  });

  it('shows a ledger row’s 序时进度 only when the task measures it', () => {
    expect(rowProgressText({ expectedProgress: 60, actualProgress: 35 })).toBe(
      '应完成 60%，实际 35%（落后 25 个百分点）',
    );
    expect(rowProgressText({ expectedProgress: 40, actualProgress: 40 })).toBe('应完成 40%，实际 40%');
    expect(rowProgressText({ expectedProgress: null, actualProgress: null })).toBe('');
    expect(rowProgressText({})).toBe('');
  });
});
