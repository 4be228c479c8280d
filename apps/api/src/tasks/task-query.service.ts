import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ActorRef } from '@duban/domain/access/actor';
import { canSeeTask, unitScopeOf } from '@duban/domain/access/task-visibility';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import {
  EscalationEntity,
  EvidenceEntity,
  TaskEntity,
  TaskEventEntity,
  TaskStageEntity,
} from '@duban/persistence/entities';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { calendarServesYear } from '@duban/domain/calendar/calendar-range';
import { evidenceView } from '../evidence/evidence.service';
import { TaskListQuery } from './task-list.query';

/** Timeline events one page of a task's detail shows, and the most one request may ask for. */
export const TIMELINE_PAGE = 100;
export const TIMELINE_MAX = 500;

export interface TimelinePage {
  /** Only events older than this event id (the `timelineNext` of the previous page). */
  before?: string;
  limit?: number;
}

/** The columns a ledger row shows (also the inbox's). */
export const LEDGER_COLUMNS = [
  't.id',
  't.planId',
  't.code',
  't.title',
  't.kind',
  't.leadUnit',
  't.cooperatingUnits',
  't.status',
  't.trafficLight',
  't.currentStageKey',
  't.currentStageName',
  't.currentStageStatus',
  't.nextDueAt',
  't.dueDate',
  't.escalationLevel',
  't.awaiting',
  't.updatedAt',
];

const SORT_COLUMNS: Record<string, string> = {
  code: 't.ordinal',
  dueAt: 't.next_due_at',
  light: "array_position(ARRAY['red','yellow','green','none']::varchar[], t.traffic_light)",
  updatedAt: 't.updated_at',
  escalation: 't.escalation_level',
};

export interface TaskPage {
  items: TaskEntity[];
  /** Matching tasks; for a text search at most SEARCH_COUNT_CAP (then `totalIsLowerBound`). */
  total: number;
  /** True when a text search matched more than SEARCH_COUNT_CAP tasks: "more than `total`". */
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}

/**
 * A text search is a substring test on every candidate row (Chinese has no words to index for
 * two-character terms), so counting a broad term like 污染 over 100k tasks costs a full scan. Like
 * a search engine, the ledger counts a search's matches up to this cap and says "1000+".
 */
export const SEARCH_COUNT_CAP = 1000;

/** Read side of the ledger: lists and details, always limited to what the actor may see. */
@Injectable()
export class TaskQueryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarStore,
  ) {}

  /**
   * Whether an instant was computed on a provisional calendar year (no notice entered yet): the
   * API and the pages say 按暂定日历计算 beside it, since the notice may still move it.
   */
  private async provisionalCheck(): Promise<(instant: Date | string | null) => boolean> {
    const calendar = await this.calendars.calendar();
    return (instant) => {
      if (!instant) return false;
      const year = Number(shanghaiDate(instant).slice(0, 4));
      return calendarServesYear(year) && calendar.statusOf(year) === 'provisional';
    };
  }

  async list(actor: ActorRef, query: TaskListQuery): Promise<TaskPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.db
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select(LEDGER_COLUMNS)
      .where('t.is_leaf = true');
    this.applyScope(qb, actor);
    this.applyFilters(qb, query);
    const column = SORT_COLUMNS[query.sort ?? 'code'];
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    qb.orderBy(column, direction, 'NULLS LAST').addOrderBy('t.id', 'ASC');
    // The page and the total run side by side; the total is a plain count(*) (one row per task, no
    // joins), not TypeORM's COUNT(DISTINCT id), which sorts every matching row on a broad search.
    const cap = query.q ? SEARCH_COUNT_CAP : null;
    qb.offset((page - 1) * pageSize).limit(pageSize);
    const [items, n, provisional] = await Promise.all([
      qb.getMany(),
      this.countMatches(qb, cap),
      this.provisionalCheck(),
    ]);
    return {
      items: items.map((t) => Object.assign(t, { nextDueProvisional: provisional(t.nextDueAt) })),
      total: cap === null ? n : Math.min(n, cap),
      totalIsLowerBound: cap !== null && n > cap,
      page,
      pageSize,
    };
  }

  /** count(*) of the query's rows, stopping after cap + 1 when a cap is given. */
  private async countMatches(qb: SelectQueryBuilder<TaskEntity>, cap: number | null): Promise<number> {
    const rows = qb.clone().orderBy().offset(undefined).limit(undefined);
    if (cap === null) return (await rows.select('count(*)::int', 'n').getRawOne<{ n: number }>())?.n ?? 0;
    const [sql, params] = rows
      .select('1')
      .limit(cap + 1)
      .getQueryAndParameters();
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM (${sql}) AS capped`, params)) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * A task with its stages, escalations, evidence (never its server path), comments and one page
   * of its timeline, newest first: `before` (an event id from `timelineNext`) pages back.
   */
  async detail(actor: ActorRef, taskId: string, page: TimelinePage = {}) {
    const task = await this.db.getRepository(TaskEntity).findOne({ where: { id: taskId } });
    if (!task || !canSeeTask(actor, task)) throw new NotFoundError('任务', taskId);
    const limit = Math.min(Math.max(page.limit ?? TIMELINE_PAGE, 1), TIMELINE_MAX);
    const events = this.db
      .getRepository(TaskEventEntity)
      .createQueryBuilder('e')
      .where('e.task_id = :taskId', { taskId })
      .orderBy('e.id', 'DESC')
      .limit(limit + 1);
    if (page.before) events.andWhere('e.id < :before', { before: page.before });
    const [stages, rows, comments, escalations, evidence, provisional] = await Promise.all([
      this.db.getRepository(TaskStageEntity).find({ where: { taskId }, order: { seq: 'ASC' } }),
      events.getMany(),
      this.db
        .getRepository(TaskEventEntity)
        .find({ where: { taskId, action: 'comment' }, order: { id: 'DESC' }, take: TIMELINE_MAX }),
      this.db.getRepository(EscalationEntity).find({ where: { taskId }, order: { raisedAt: 'ASC' } }),
      this.db.getRepository(EvidenceEntity).find({ where: { taskId }, order: { uploadedAt: 'ASC' } }),
      this.provisionalCheck(),
    ]);
    const timeline = rows.slice(0, limit);
    const timelineNext = rows.length > limit ? timeline[timeline.length - 1].id : null;
    return {
      task: Object.assign(task, { nextDueProvisional: provisional(task.nextDueAt) }),
      stages: stages.map((st) => Object.assign(st, { dueProvisional: provisional(st.dueAt) })),
      timeline,
      timelineNext,
      comments,
      escalations,
      evidence: evidence.map(evidenceView),
    };
  }

  /** Loads a task the actor may see, or fails with 404 (not 403: existence is not leaked). */
  async visibleTask(actor: ActorRef, taskId: string): Promise<TaskEntity> {
    const task = await this.db.getRepository(TaskEntity).findOne({ where: { id: taskId } });
    if (!task || !canSeeTask(actor, task)) throw new NotFoundError('任务', taskId);
    return task;
  }

  /** Display names of the users who acted on tasks (for timelines), by user id. */
  async actorNames(userIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Snapshots of the given tasks the actor may see (for deciding which buttons to show). */
  async visibleSnapshots(actor: ActorRef, taskIds: string[]): Promise<Map<string, TaskEntity['snapshot']>> {
    if (taskIds.length === 0) return new Map();
    const rows = await this.db
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select(['t.id', 't.leadUnit', 't.cooperatingUnits', 't.snapshot'])
      .where('t.id = ANY(:ids)', { ids: taskIds })
      .getMany();
    return new Map(rows.filter((t) => canSeeTask(actor, t)).map((t) => [t.id, t.snapshot]));
  }

  private applyScope(qb: SelectQueryBuilder<TaskEntity>, actor: ActorRef): void {
    const scope = unitScopeOf(actor);
    if (scope.all) return;
    qb.andWhere('(t.lead_unit = ANY(:scopeUnits) OR t.cooperating_units && :scopeUnits)', { scopeUnits: scope.units });
  }

  private applyFilters(qb: SelectQueryBuilder<TaskEntity>, q: TaskListQuery): void {
    if (q.planId) qb.andWhere('t.plan_id = :planId', { planId: q.planId });
    if (q.unit) {
      const role = q.unitRole ?? 'any';
      if (role === 'lead') qb.andWhere('t.lead_unit = :unit', { unit: q.unit });
      else if (role === 'cooperating') qb.andWhere(':unit = ANY(t.cooperating_units)', { unit: q.unit });
      else qb.andWhere('(t.lead_unit = :unit OR :unit = ANY(t.cooperating_units))', { unit: q.unit });
    }
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.light) qb.andWhere('t.traffic_light = :light', { light: q.light });
    if (q.stage) qb.andWhere('t.current_stage_key = :stage', { stage: q.stage });
    if (q.dueFrom) qb.andWhere('t.next_due_at >= :dueFrom', { dueFrom: q.dueFrom });
    if (q.dueTo) qb.andWhere('t.next_due_at <= :dueTo', { dueTo: q.dueTo });
    if (q.q) {
      // Chinese has no word breaks: substring match on the stored lower-cased code + title + body.
      const needle = `%${q.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('t.search_text LIKE :needle', { needle });
    }
  }
}
