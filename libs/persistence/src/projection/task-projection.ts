/**
 * What the read model stores of a workflow's state. Mapped from the workflow snapshot by the
 * projection activity; versioned so retries and replays never duplicate or regress.
 */
export interface TaskProjection {
  taskId: string;
  /** Monotonic workflow state version; a projection with version ≤ the stored one is ignored. */
  version: number;
  status: string;
  trafficLight: string;
  leadUnit: string;
  cooperatingUnits: string[];
  verifyingUnit: string | null;
  /** 序时进度 (whole %), null when the task does not measure it. */
  progress: { expected: number; actual: number } | null;
  currentStage: { key: string; name: string; status: string } | null;
  nextDueAt: string | null;
  escalationLevel: number;
  /** Who must act next, as "<unit>:<role>" keys ("*:supervisor" for any supervisor). */
  awaiting: string[];
  stages: ProjectedStage[];
  /** Escalations currently open; any other stored open escalation of the task is resolved. */
  openEscalations: ProjectedEscalation[];
  /** Every event so far with a stable sequence number; stored once each (append-only log). */
  events: ProjectedEvent[];
  /** The whole snapshot, for the detail view. */
  snapshot: unknown;
  /**
   * Set for a problem of a rectification ledger (整改台账): its row is not imported with the plan
   * but created by its first projection, in its parent task's plan and section.
   */
  problemOf?: { parentTaskId: string; code: string; title: string };
}

export interface ProjectedStage {
  key: string;
  seq: number;
  name: string;
  status: string;
  ownerUnit: string;
  dueAt: string | null;
  completedAt: string | null;
}

export interface ProjectedEscalation {
  stageKey: string;
  level: number;
  toRole: string;
  unitCode: string;
  raisedAt: string;
}

export interface ProjectedEvent {
  seq: number;
  at: string;
  action: string;
  actorUserId?: string | null;
  actorRole?: string | null;
  actorUnit?: string | null;
  requestId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
}
