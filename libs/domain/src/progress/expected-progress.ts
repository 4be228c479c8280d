import { shanghaiDate, shanghaiInstant } from '../calendar/shanghai-time';

/**
 * 序时进度: where an item should be by now, as a policy, and how far behind it may fall before
 * its light turns. The curve gives the share of the work expected at an instant of its span;
 * the gaps are in percentage points of the whole (expected − actual).
 */
export type ProgressCurve =
  /** Evenly over the span (the default of most offices). */
  | { kind: 'linear' }
  /**
   * Per-quarter milestones of the due year: the cumulative share due by the end of each quarter,
   * e.g. [0.2, 0.5, 0.8, 1]; between ends the last milestone passed is what is expected.
   */
  | { kind: 'quarterly'; shares: [number, number, number, number] }
  /** Slow start, fast middle, slow end (construction work): 3t² − 2t³ of the elapsed fraction t. */
  | { kind: 's-curve' };

export interface ProgressPolicy {
  curve: ProgressCurve;
  /** Yellow from this many points behind (inclusive). */
  yellowGap: number;
  /** Red beyond this many points behind. */
  redGap: number;
}

export const DEFAULT_PROGRESS_POLICY: ProgressPolicy = { curve: { kind: 'linear' }, yellowGap: 10, redGap: 30 };

export type ProgressLight = 'green' | 'yellow' | 'red';

/** The standing of an item against its expected progress, at one instant. */
export interface ProgressStanding {
  /** quantity: a count toward a target; stages: working stages due by now against approved. */
  basis: 'quantity' | 'stages';
  /** Whole percentages, 0–100. */
  expected: number;
  actual: number;
  /** Points behind (expected − actual); negative when ahead. */
  gap: number;
  light: ProgressLight;
  /** Shanghai date of the standing. */
  asOf: string;
}

/** What a problem with the policy is, field by field; null when it holds. */
export function progressPolicyProblem(p: ProgressPolicy): string | null {
  if (!(p.yellowGap > 0 && p.redGap >= p.yellowGap && p.redGap <= 100)) {
    return '序时进度阈值须满足 0 < 黄灯 ≤ 红灯 ≤ 100（百分点）';
  }
  if (p.curve.kind === 'quarterly') {
    const s = p.curve.shares;
    const ordered = s.every((x, i) => x >= 0 && x <= 1 && (i === 0 || x >= s[i - 1]));
    if (s.length !== 4 || !ordered || s[3] !== 1) return '季度节点须为 4 个递增的累计比例，第四季度为 100%';
  }
  return null;
}

/** Share (0–1) of the work the curve expects at `at` of the span from `start` to `due` (instants). */
export function expectedShare(curve: ProgressCurve, start: number, due: number, at: number): number {
  if (at >= due) return 1;
  if (at <= start || due <= start) return 0;
  const t = (at - start) / (due - start);
  switch (curve.kind) {
    case 'linear':
      return t;
    case 's-curve':
      return t * t * (3 - 2 * t);
    case 'quarterly': {
      // Quarter ends of the due year; a span that starts later still owes each milestone it holds.
      const year = Number(shanghaiDate(due).slice(0, 4));
      const ends = ['03-31', '06-30', '09-30', '12-31'].map((md) => shanghaiInstant(`${year}-${md}`, 23, 59).getTime());
      let share = 0;
      ends.forEach((end, i) => {
        if (at > end) share = curve.shares[i];
      });
      return share;
    }
  }
}

/** The light of a gap under the policy's thresholds. */
export function progressLight(gap: number, policy: ProgressPolicy): ProgressLight {
  if (gap > policy.redGap) return 'red';
  if (gap >= policy.yellowGap) return 'yellow';
  return 'green';
}

/** 应完成 60%，实际 35%（落后 25 个百分点） */
export function progressText(p: Pick<ProgressStanding, 'expected' | 'actual'>): string {
  const gap = p.expected - p.actual;
  const behind = gap > 0 ? `（落后 ${gap} 个百分点）` : '';
  return `应完成 ${p.expected}%，实际 ${p.actual}%${behind}`;
}

/** The standing from the two shares (0–1) at `at`. */
export function standing(
  basis: ProgressStanding['basis'],
  expectedShare: number,
  actualShare: number,
  policy: ProgressPolicy,
  at: number,
): ProgressStanding {
  const expected = Math.round(Math.min(1, Math.max(0, expectedShare)) * 100);
  const actual = Math.round(Math.min(1, Math.max(0, actualShare)) * 100);
  const gap = expected - actual;
  return { basis, expected, actual, gap, light: progressLight(gap, policy), asOf: shanghaiDate(at) };
}

/**
 * A progress policy written as a plan's import writes it: the curve, then optionally the yellow
 * and red gaps after a slash — `linear`, `s-curve`, `quarterly:20,50,80,100`, `linear/5,15`.
 * Returns the policy, or what is wrong with the text (Chinese, with the way to write it).
 */
export function parseProgressPolicy(spec: string): ProgressPolicy | { problem: string } {
  const m = /^(linear|s-curve|quarterly:(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}))(?:\/(\d{1,3}),(\d{1,3}))?$/.exec(
    spec.trim(),
  );
  const how = '序时进度应写作 linear、s-curve 或 quarterly:20,50,80,100，可加 /黄灯,红灯 百分点（如 linear/10,30）';
  if (!m) return { problem: `无法识别的序时进度“${spec}”：${how}` };
  const curve: ProgressCurve = m[1].startsWith('quarterly')
    ? {
        kind: 'quarterly',
        shares: [m[2], m[3], m[4], m[5]].map((x) => Number(x) / 100) as [number, number, number, number],
      }
    : { kind: m[1] as 'linear' | 's-curve' };
  const policy: ProgressPolicy = {
    curve,
    yellowGap: m[6] ? Number(m[6]) : DEFAULT_PROGRESS_POLICY.yellowGap,
    redGap: m[7] ? Number(m[7]) : DEFAULT_PROGRESS_POLICY.redGap,
  };
  const problem = progressPolicyProblem(policy);
  return problem ? { problem: `序时进度“${spec}”有误：${problem}` } : policy;
}
