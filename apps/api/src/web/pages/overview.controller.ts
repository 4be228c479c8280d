import { readFileSync } from 'node:fs';
import { Controller, Get, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { CalendarService } from '../../calendar/calendar.service';
import { actorOf } from '../../common/actor-of';
import { DashboardService } from '../../dashboard/dashboard.service';
import { PlanQueryService } from '../../plans/plan-query.service';
import { UnitsService } from '../../units/units.service';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { html } from '../layout/html';
import { calendarGapNotice } from './calendar.view';
import { overviewBody } from './overview.view';
import { pageFor, queryText } from './page-context';
import { HtmlPage } from '../layout/html-page.decorator';

// The installed version in the URL, so the long-cached script changes name when echarts is upgraded.
const ECHARTS_VERSION = (
  JSON.parse(readFileSync(require.resolve('echarts/package.json'), 'utf8')) as { version: string }
).version;
export const ECHARTS_SRC = `/ui/assets/echarts.min.js?v=${ECHARTS_VERSION}`;

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui')
export class OverviewController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly plans: PlanQueryService,
    private readonly units: UnitsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get(['', 'overview'])
  @HtmlPage()
  async overview(@Req() req: AuthenticatedRequest, @Query('planId') planIdQuery?: unknown): Promise<string> {
    const planId = queryText(planIdQuery);
    const actor = actorOf(req.user);
    // Who can get the notice entered sees that it is missing (admins enter it, supervisors chase it).
    const seesCalendar = actor.role === 'admin' || actor.role === 'supervisor';
    const [data, completions, plans, units, calendarGap] = await Promise.all([
      this.dashboard.overview(actor, planId || undefined),
      this.dashboard.stageCompletionsByWeek(actor, planId || undefined),
      this.plans.list(actorOf(req.user)),
      this.units.list(),
      seesCalendar ? this.calendar.gap() : Promise.resolve(null),
    ]);
    const unitNames = new Map(units.map((u) => [u.code, u.name]));
    return pageFor(req, {
      title: '督办总览',
      active: 'overview',
      body: html`${calendarGap ? calendarGapNotice(calendarGap) : ''}${overviewBody(
        data,
        completions,
        plans.map((p) => ({ id: String(p.id), title: String(p.title) })),
        planId,
        unitNames,
      )}`,
      scripts: [ECHARTS_SRC, '/ui/assets/overview.js'],
    });
  }
}
