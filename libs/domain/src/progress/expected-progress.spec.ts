import { shanghaiInstant } from '../calendar/shanghai-time';
import {
  DEFAULT_PROGRESS_POLICY,
  expectedShare,
  ProgressCurve,
  progressLight,
  progressPolicyProblem,
  progressText,
  parseProgressPolicy,
  standing,
} from './expected-progress';

const at = (date: string) => shanghaiInstant(date, 12).getTime();
const START = shanghaiInstant('2027-01-01').getTime();
const DUE = shanghaiInstant('2027-12-31', 17, 30).getTime();
const share = (curve: ProgressCurve, date: string) => Math.round(expectedShare(curve, START, DUE, at(date)) * 100);

describe('expected progress (序时进度)', () => {
  it('linear: evenly over the span, nothing before it, all of it from the due instant on', () => {
    const linear: ProgressCurve = { kind: 'linear' };
    expect(share(linear, '2026-12-15')).toBe(0);
    expect(share(linear, '2027-04-01')).toBe(25);
    expect(share(linear, '2027-07-02')).toBe(50);
    expect(share(linear, '2027-12-31')).toBe(100);
    expect(expectedShare(linear, START, DUE, DUE)).toBe(1);
    expect(expectedShare(linear, START, DUE, START)).toBe(0);
    // A span that ends before it starts expects nothing before its end, everything after.
    expect(expectedShare(linear, DUE, START, at('2027-06-01'))).toBe(1);
  });

  it('quarterly milestones: the last quarter end passed, not a line between them', () => {
    const q: ProgressCurve = { kind: 'quarterly', shares: [0.2, 0.5, 0.8, 1] };
    expect(share(q, '2027-03-31')).toBe(0); // Q1 is not over until its last day is
    expect(share(q, '2027-04-01')).toBe(20);
    expect(share(q, '2027-06-29')).toBe(20);
    expect(share(q, '2027-07-01')).toBe(50);
    expect(share(q, '2027-10-08')).toBe(80);
    expect(share(q, '2028-01-02')).toBe(100);
  });

  it('s-curve: behind the line early, level at the middle, ahead late', () => {
    const s: ProgressCurve = { kind: 's-curve' };
    const line: ProgressCurve = { kind: 'linear' };
    expect(share(s, '2027-03-01')).toBeLessThan(share(line, '2027-03-01'));
    expect(Math.abs(share(s, '2027-07-02') - 50)).toBeLessThanOrEqual(1);
    expect(share(s, '2027-11-01')).toBeGreaterThan(share(line, '2027-11-01'));
  });

  it('gap thresholds are data: yellow from 10 points behind, red beyond 30 by default', () => {
    expect(progressLight(9, DEFAULT_PROGRESS_POLICY)).toBe('green');
    expect(progressLight(-20, DEFAULT_PROGRESS_POLICY)).toBe('green');
    expect(progressLight(10, DEFAULT_PROGRESS_POLICY)).toBe('yellow');
    expect(progressLight(30, DEFAULT_PROGRESS_POLICY)).toBe('yellow');
    expect(progressLight(31, DEFAULT_PROGRESS_POLICY)).toBe('red');
    const strict = { ...DEFAULT_PROGRESS_POLICY, yellowGap: 5, redGap: 15 };
    expect(progressLight(5, strict)).toBe('yellow');
    expect(progressLight(16, strict)).toBe('red');
  });

  it('a standing in whole percentages, clamped, with its date and the words the ledger shows', () => {
    const st = standing('quantity', 0.6, 0.35, DEFAULT_PROGRESS_POLICY, at('2027-08-08'));
    expect(st).toEqual({ basis: 'quantity', expected: 60, actual: 35, gap: 25, light: 'yellow', asOf: '2027-08-08' });
    expect(progressText(st)).toBe('应完成 60%，实际 35%（落后 25 个百分点）');
    const over = standing('quantity', 0.5, 1.4, DEFAULT_PROGRESS_POLICY, at('2027-07-01'));
    expect([over.actual, over.gap, over.light]).toEqual([100, -50, 'green']);
    expect(progressText(over)).toBe('应完成 50%，实际 100%');
  });

  it('refuses a policy whose thresholds or milestones cannot hold', () => {
    expect(progressPolicyProblem(DEFAULT_PROGRESS_POLICY)).toBeNull();
    expect(progressPolicyProblem({ ...DEFAULT_PROGRESS_POLICY, yellowGap: 40 })).toMatch(/阈值/);
    expect(progressPolicyProblem({ ...DEFAULT_PROGRESS_POLICY, yellowGap: 0 })).toMatch(/阈值/);
    expect(progressPolicyProblem({ ...DEFAULT_PROGRESS_POLICY, redGap: 101 })).toMatch(/阈值/);
    const q = (shares: [number, number, number, number]) => ({
      ...DEFAULT_PROGRESS_POLICY,
      curve: { kind: 'quarterly' as const, shares },
    });
    expect(progressPolicyProblem(q([0.2, 0.5, 0.8, 1]))).toBeNull();
    expect(progressPolicyProblem(q([0.5, 0.2, 0.8, 1]))).toMatch(/季度节点/);
    expect(progressPolicyProblem(q([0.2, 0.5, 0.8, 0.9]))).toMatch(/季度节点/);
  });

  it('reads a policy as an import writes it, and says how to write one it cannot read', () => {
    expect(parseProgressPolicy('linear')).toEqual(DEFAULT_PROGRESS_POLICY);
    expect(parseProgressPolicy(' s-curve/5,15 ')).toEqual({ curve: { kind: 's-curve' }, yellowGap: 5, redGap: 15 });
    expect(parseProgressPolicy('quarterly:20,50,80,100')).toEqual({
      ...DEFAULT_PROGRESS_POLICY,
      curve: { kind: 'quarterly', shares: [0.2, 0.5, 0.8, 1] },
    });
    expect(parseProgressPolicy('quarterly:20,50,80,90')).toEqual({ problem: expect.stringMatching(/第四季度为 100%/) });
    expect(parseProgressPolicy('linear/30,10')).toEqual({ problem: expect.stringMatching(/阈值/) });
    expect(parseProgressPolicy('monthly')).toEqual({ problem: expect.stringMatching(/quarterly:20,50,80,100/) });
  });
});
