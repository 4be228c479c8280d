import { stageLight } from './traffic-light';

const stage = { dueAt: '2021-10-08T09:30:00.000Z', yellowFrom: '2021-09-27T16:00:00.000Z', status: 'open' as const };

describe('traffic light', () => {
  it('is green before the yellow window, yellow inside it, red once overdue', () => {
    expect(stageLight(stage, Date.parse('2021-09-20T00:00:00Z'))).toBe('green');
    expect(stageLight(stage, Date.parse('2021-09-28T00:00:00Z'))).toBe('yellow');
    expect(stageLight(stage, Date.parse('2021-10-08T09:30:00Z'))).toBe('yellow');
    expect(stageLight(stage, Date.parse('2021-10-08T09:30:01Z'))).toBe('red');
  });

  it('is none for a done stage or one without a deadline', () => {
    expect(stageLight({ ...stage, status: 'approved' }, Date.parse('2022-01-01T00:00:00Z'))).toBe('none');
    expect(stageLight({ ...stage, dueAt: null }, 0)).toBe('none');
  });

  it('turns yellow at the very instant the window opens', () => {
    expect(stageLight(stage, Date.parse(stage.yellowFrom) - 1)).toBe('green');
    expect(stageLight(stage, Date.parse(stage.yellowFrom))).toBe('yellow');
  });

  it('is none for a closed (销号) stage, even overdue', () => {
    expect(stageLight({ ...stage, status: 'closed' }, Date.parse('2022-01-01T00:00:00Z'))).toBe('none');
  });

  it('has no yellow window when the stage has none: green until overdue', () => {
    expect(stageLight({ ...stage, yellowFrom: null }, Date.parse('2021-10-08T09:00:00Z'))).toBe('green');
    expect(stageLight({ ...stage, yellowFrom: null }, Date.parse('2021-10-08T09:31:00Z'))).toBe('red');
  });
});
