import { Controller, Get, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { EscalationQueryService } from '../../escalations/escalation-query.service';
import { UnitsService } from '../../units/units.service';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { escalationsBody } from './escalations.view';
import { pageFor, queryText } from './page-context';
import { HtmlPage } from '../layout/html-page.decorator';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui')
export class EscalationsPageController {
  constructor(
    private readonly escalations: EscalationQueryService,
    private readonly units: UnitsService,
  ) {}

  @Get('escalations')
  @HtmlPage()
  async board(
    @Req() req: AuthenticatedRequest,
    @Query('level') levelQ?: unknown,
    @Query('unit') unitQ?: unknown,
  ): Promise<string> {
    const actor = actorOf(req.user);
    const levelNum = Number(queryText(levelQ));
    const level = [1, 2, 3].includes(levelNum) ? levelNum : undefined;
    const unit = queryText(unitQ) || undefined;
    const [summary, open, units] = await Promise.all([
      this.escalations.summary(actor),
      this.escalations.open(actor, { level, unit }),
      this.units.list(),
    ]);
    return pageFor(req, {
      title: '督办',
      active: 'escalations',
      body: escalationsBody(
        summary,
        open,
        { level, unit },
        units.map((u) => ({ code: u.code, name: u.name })),
      ),
    });
  }
}
