import { Injectable } from '@nestjs/common';
import { ActorRef } from '@duban/domain/access/actor';
import { canSeeTask, unitScopeOf } from '@duban/domain/access/task-visibility';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import { TaskEntity } from '@duban/persistence/entities';
import { EvidenceRepository } from '@duban/persistence/repositories/evidence-repository';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
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
    private readonly tasks: TaskRepository,
    private readonly evidence: EvidenceRepository,
    private readonly users: UserRepository,
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
    const { page: _p, pageSize: _s, sort, order, ...filter } = query;
    // A text search counts its matches only up to the cap ("1000+").
    const cap = query.q ? SEARCH_COUNT_CAP : null;
    const [{ items, count }, provisional] = await Promise.all([
      this.tasks.ledgerPage({
        scope: unitScopeOf(actor),
        filter,
        sort: sort ?? 'code',
        order: order === 'desc' ? 'desc' : 'asc',
        offset: (page - 1) * pageSize,
        limit: pageSize,
        countCap: cap,
      }),
      this.provisionalCheck(),
    ]);
    return {
      items: items.map((t) => Object.assign(t, { nextDueProvisional: provisional(t.nextDueAt) })),
      total: cap === null ? count : Math.min(count, cap),
      totalIsLowerBound: cap !== null && count > cap,
      page,
      pageSize,
    };
  }

  /**
   * A task with its stages, escalations, evidence (never its server path), comments and one page
   * of its timeline, newest first: `before` (an event id from `timelineNext`) pages back.
   */
  async detail(actor: ActorRef, taskId: string, page: TimelinePage = {}) {
    const task = await this.visibleTask(actor, taskId);
    const limit = Math.min(Math.max(page.limit ?? TIMELINE_PAGE, 1), TIMELINE_MAX);
    const problems = ((task.snapshot as { problems?: { workflowId: string }[] } | null)?.problems ?? []).map(
      (p) => p.workflowId,
    );
    const [stages, rows, comments, escalations, evidence, provisional, problemLights] = await Promise.all([
      this.tasks.stages(taskId),
      // One more than the page: whether there is an older page.
      this.tasks.timeline(taskId, { before: page.before, limit: limit + 1 }),
      this.tasks.comments(taskId, TIMELINE_MAX),
      this.tasks.escalations(taskId),
      this.evidence.allOfTask(taskId),
      this.provisionalCheck(),
      // A rectification's ledger: each problem's own light, from its own row.
      this.tasks.lights(problems),
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
      problemLights: Object.fromEntries(problemLights.map((r) => [r.id, r.trafficLight])),
    };
  }

  /** Loads a task the actor may see, or fails with 404 (not 403: existence is not leaked). */
  async visibleTask(actor: ActorRef, taskId: string): Promise<TaskEntity> {
    const task = await this.tasks.find(taskId);
    if (!task || !canSeeTask(actor, task)) throw new NotFoundError('任务', taskId);
    return task;
  }

  /** Display names of the users who acted on tasks (for timelines), by user id. */
  actorNames(userIds: string[]): Promise<Map<string, string>> {
    return this.users.displayNames(userIds);
  }

  /** Snapshots of the given tasks the actor may see (for deciding which buttons to show). */
  async visibleSnapshots(actor: ActorRef, taskIds: string[]): Promise<Map<string, TaskEntity['snapshot']>> {
    const rows = await this.tasks.snapshots(taskIds);
    return new Map(rows.filter((t) => canSeeTask(actor, t)).map((t) => [t.id, t.snapshot]));
  }
}
