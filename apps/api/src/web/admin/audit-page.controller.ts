import { Controller, Get, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditLogReader } from '@duban/persistence/audit/audit-log.reader';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { UnitsService } from '../../units/units.service';
import { HtmlPage } from '../layout/html-page.decorator';
import { queryText } from '../pages/page-context';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { adminPage } from './admin-page';
import { auditBody } from './audit-page.view';

const PAGE_SIZE = 100;

/** 系统管理 · 操作记录: the audit log as a page, for the admin. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('ui/admin/audit')
export class AuditPageController {
  constructor(
    private readonly audit: AuditLogReader,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @HtmlPage()
  async page(
    @Req() req: AuthenticatedRequest,
    @Query('action') action?: unknown,
    @Query('actor') actor?: unknown,
    @Query('before') before?: unknown,
  ): Promise<string> {
    const state = { action: queryText(action), actor: queryText(actor).toLowerCase() };
    const beforeId = /^\d{1,18}$/.test(queryText(before)) ? queryText(before) : undefined;
    const [rows, units] = await Promise.all([
      this.audit.recent({
        limit: PAGE_SIZE + 1,
        beforeId,
        actions: state.action ? [state.action] : undefined,
        actorUsername: state.actor || undefined,
      }),
      this.units.list(),
    ]);
    const names = new Map(units.map((u) => [u.code, u.name]));
    const shown = rows.slice(0, PAGE_SIZE);
    return adminPage(
      req,
      auditBody(shown, (code) => names.get(code) ?? code, {
        ...state,
        nextBefore: rows.length > PAGE_SIZE ? shown[shown.length - 1].id : null,
      }),
    );
  }
}
