import { actionPayload, formRequestId } from './action-payload';

describe('actionPayload', () => {
  it('shapes each form like the REST body', () => {
    expect(actionPayload('approve', { note: ' 同意 ', _csrf: 'x' })).toEqual({ note: '同意' });
    expect(actionPayload('approve', {})).toEqual({ note: undefined });
    expect(actionPayload('returnStage', { reason: '补充材料' })).toEqual({ reason: '补充材料' });
    expect(actionPayload('submit', { note: '已完成', quantity: '12' })).toEqual({
      note: '已完成',
      evidenceIds: [],
      quantity: 12,
    });
    expect(actionPayload('decideExtension', { approve: 'no' })).toEqual({ approve: false, note: undefined });
    expect(actionPayload('requestExtension', { newDueDate: '2021-12-01', reason: 'r' })).toEqual({
      newDueDate: '2021-12-01',
      reason: 'r',
    });
  });

  it('refuses a quantity that is not a number, and a malformed request id', () => {
    expect(() => actionPayload('submit', { note: 'n', quantity: '十二' })).toThrow(/完成数量须为数字/);
    expect(() => formRequestId('x')).toThrow(/请求编号/);
    expect(formRequestId('0b9f6c1e-2f5e-4c59-9a4e-3f1d2b7a8c90')).toBe('0b9f6c1e-2f5e-4c59-9a4e-3f1d2b7a8c90');
  });
});
