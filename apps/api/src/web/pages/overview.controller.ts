import { readFileSync } from 'node:fs';
import { Controller, Get, Header, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { DashboardService } from '../../dashboard/dashboard.service';
import { PlanQueryService } from '../../plans/plan-query.service';
import { UnitsService } from '../../units/units.service';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { overviewBody } from './overview.view';
import { pageFor, queryText } from './page-context';

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
  ) {}

  @Get(['', 'overview'])
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async overview(@Req() req: AuthenticatedRequest, @Query('planId') planIdQuery?: unknown): Promise<string> {
    const planId = queryText(planIdQuery);
    const actor = actorOf(req.user);
    const [data, completions, plans, units] = await Promise.all([
      this.dashboard.overview(actor, planId || undefined),
      this.dashboard.stageCompletionsByWeek(actor, planId || undefined),
      this.plans.list(actorOf(req.user)),
      this.units.list(),
    ]);
    const unitNames = new Map(units.map((u) => [u.code, u.name]));
    return pageFor(req, {
      title: '督办总览',
      active: 'overview',
      body: overviewBody(
        data,
        completions,
        plans.map((p) => ({ id: String(p.id), title: String(p.title) })),
        planId,
        unitNames,
      ),
      scripts: [ECHARTS_SRC, '/ui/assets/overview.js'],
    });
  }
}
