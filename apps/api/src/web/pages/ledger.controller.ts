import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { attachmentDisposition } from '../../common/attachment-disposition';
import { PlanQueryService } from '../../plans/plan-query.service';
import { TaskListQuery } from '../../tasks/task-list.query';
import { TaskQueryService } from '../../tasks/task-query.service';
import { UnitsService } from '../../units/units.service';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { parseLedgerQuery } from '../view-model/ledger-query';
import { ledgerWorkbook } from './ledger-xlsx';
import { ledgerBody } from './ledger.view';
import { pageFor } from './page-context';
import { HtmlPage } from '../layout/html-page.decorator';

/** Most rows one export writes (the whole 10,000-task ledger fits). */
const EXPORT_MAX_ROWS = 20_000;

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui')
export class LedgerController {
  constructor(
    private readonly tasks: TaskQueryService,
    private readonly plans: PlanQueryService,
    private readonly units: UnitsService,
  ) {}

  @Get('ledger')
  @HtmlPage()
  async ledger(
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
    @Query() raw: Record<string, unknown>,
  ): Promise<string> {
    const parsed = parseLedgerQuery(raw);
    const query: TaskListQuery = parsed.ok ? parsed.query : Object.assign(new TaskListQuery(), { pageSize: 50 });
    if (!parsed.ok) res.status(400);
    const [page, plans, units] = await Promise.all([
      this.tasks.list(actorOf(req.user), query),
      this.plans.list(actorOf(req.user)),
      this.units.list(),
    ]);
    return pageFor(req, {
      title: '督办台账',
      active: 'ledger',
      body: ledgerBody({
        query,
        items: page.items,
        total: page.total,
        totalIsLowerBound: page.totalIsLowerBound,
        plans: plans.map((p) => ({ id: String(p.id), title: String(p.title) })),
        units: units.map((u) => ({ code: u.code, name: u.name })),
        problems: parsed.ok ? [] : parsed.problems,
      }),
    });
  }

  /** The current view (filters and sort, all pages) as .xlsx. */
  @Get('ledger.xlsx')
  async ledgerXlsx(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Query() raw: Record<string, unknown>,
  ): Promise<void> {
    const parsed = parseLedgerQuery(raw);
    if (!parsed.ok)
      throw new BadInputError('BAD_FILTER', `筛选条件有误：${parsed.problems.join('；')}`, parsed.problems.join('; '));
    const query = Object.assign(new TaskListQuery(), parsed.query, { page: 1, pageSize: EXPORT_MAX_ROWS });
    const [page, units] = await Promise.all([this.tasks.list(actorOf(req.user), query), this.units.list()]);
    const names = new Map(units.map((u) => [u.code, u.name]));
    const buffer = await ledgerWorkbook(page.items, (code) => (code ? (names.get(code) ?? code) : '—'));
    const stamp = new Date().toISOString().slice(0, 10);
    res
      .status(200)
      .setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('Content-Disposition', attachmentDisposition(`督办台账-${stamp}.xlsx`, `ledger-${stamp}.xlsx`))
      .setHeader('Cache-Control', 'no-store')
      .send(buffer);
  }
}
