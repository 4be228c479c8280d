import { NotFoundError } from './domain-error';

describe('NotFoundError', () => {
  it('says what was not found in each language, never Chinese inside the English message', () => {
    const e = new NotFoundError('任务', 'xj-2027/3.2');
    expect([e.status, e.code]).toEqual([404, 'NOT_FOUND']);
    expect(e.messageZh).toBe('未找到任务：xj-2027/3.2');
    expect(e.messageEn).toBe('Task not found: xj-2027/3.2');
    expect(new NotFoundError('某种新东西', 'x').messageEn).toBe('Item not found: x');
  });
});
