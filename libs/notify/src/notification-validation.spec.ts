import { validateNotification } from './notification-validation';
import { sampleNotification } from './testing/sample-notification';

describe('validateNotification: level', () => {
  it('accepts the due-day reminder (0 workdays before the due day, in the default policy)', () => {
    expect(validateNotification(sampleNotification({ kind: 'reminder', level: 0 }))).toEqual([]);
  });

  it('still refuses escalation level 0 and negative or fractional levels', () => {
    expect(validateNotification(sampleNotification({ kind: 'escalation', level: 0 }))).toEqual([
      'level must be a positive integer',
    ]);
    expect(validateNotification(sampleNotification({ kind: 'reminder', level: -1 }))).toHaveLength(1);
    expect(validateNotification(sampleNotification({ kind: 'reminder', level: 1.5 }))).toHaveLength(1);
  });
});
