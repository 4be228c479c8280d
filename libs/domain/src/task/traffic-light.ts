import { StageState, TrafficLight } from './task-types';

/**
 * 红黄绿灯 of a stage at `now`: red when overdue, yellow inside the yellow window before its due
 * instant, green otherwise; none when the stage has no deadline or is done.
 */
export function stageLight(stage: Pick<StageState, 'dueAt' | 'yellowFrom' | 'status'>, now: number): TrafficLight {
  if (!stage.dueAt || stage.status === 'approved' || stage.status === 'closed') return 'none';
  if (now > Date.parse(stage.dueAt)) return 'red';
  if (stage.yellowFrom && now >= Date.parse(stage.yellowFrom)) return 'yellow';
  return 'green';
}

const SEVERITY: Record<TrafficLight, number> = { none: 0, green: 1, yellow: 2, red: 3 };

/** The more alarming of two lights (red over yellow over green). */
export function worseLight(a: TrafficLight, b: TrafficLight): TrafficLight {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}
