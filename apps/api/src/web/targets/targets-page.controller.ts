import { Controller, Get, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IndicatorStatusView } from '@duban/domain/kpi/indicator-status';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { PlanQueryService } from '../../plans/plan-query.service';
import { TargetsService } from '../../targets/targets.service';
import { UnitsService } from '../../units/units.service';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { pageFor, queryText } from '../pages/page-context';
import { targetsBody } from './targets-page.view';
import { HtmlPage } from '../layout/html-page.decorator';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui')
export class TargetsPageController {
  constructor(
    private readonly targets: TargetsService,
    private readonly plans: PlanQueryService,
    private readonly units: UnitsService,
  ) {}

  @Get('targets')
  @HtmlPage()
  async targetsPage(@Req() req: AuthenticatedRequest, @Query('planId') planQ?: unknown): Promise<string> {
    const [plans, units] = await Promise.all([this.plans.list(actorOf(req.user)), this.units.list()]);
    // Default: the newest plan (list is ordered by year, newest first).
    const planId = queryText(planQ) || (plans[0] ? String(plans[0].id) : '');
    const standing = planId ? await this.targets.list(planId) : null;
    const names = new Map(units.map((u) => [u.code, u.name]));
    return pageFor(req, {
      title: '主要目标',
      active: 'targets',
      body: targetsBody(
        (standing?.indicators ?? []) as IndicatorStatusView[],
        plans.map((p) => ({ id: String(p.id), title: String(p.title) })),
        planId,
        standing?.asOf ?? '',
        (c) => names.get(c) ?? c,
      ),
    });
  }
}
