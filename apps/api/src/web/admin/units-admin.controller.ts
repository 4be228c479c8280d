import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { unitCodeFor } from '@duban/domain/plan/unit-code';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { CreateUnitDto } from '../../units/create-unit.dto';
import { UnitsService } from '../../units/units.service';
import { UpdateUnitDto } from '../../units/update-unit.dto';
import { answerWithRefusedPage, formRefusal } from '../layout/form-refusal';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';
import { csrfOf, formText, queryText } from '../pages/page-context';
import { assertSameOriginForm } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { adminPage } from './admin-page';
import { namesOf } from './admin-tabs.view';
import { unitEditBody, unitsBody } from './units-admin.view';
import { validatedForm } from './validated-form';

const CONTROLS = ['name', 'code', 'kind', 'parentBody', 'aliases'] as const;

/** 系统管理 · 单位: the admin's list of units, a new unit, and each unit's own page. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('ui/admin/units')
export class UnitsAdminController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @HtmlPage()
  async formList(@Req() req: AuthenticatedRequest, @Query('saved') saved?: unknown): Promise<string> {
    return adminPage(
      req,
      unitsBody(await this.units.list(), { csrf: csrfOf(req), refusal: null, saved: queryText(saved) || null }),
    );
  }

  @Post()
  @MayRenderPage()
  async create(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() form: Record<string, unknown>,
  ): Promise<void> {
    assertSameOriginForm(req);
    try {
      const all = await this.units.list();
      const dto = await validatedForm(CreateUnitDto, {
        name: formText(form.name),
        code: formText(form.code) || unitCodeFor(formText(form.name), new Set(all.map((u) => u.code))),
        kind: formText(form.kind),
        aliases: namesOf(formText(form.aliases)),
        parentBody: formText(form.parentBody) || null,
      });
      const unit = await this.units.create(dto, req.user);
      res.redirect(303, `/ui/admin/units?saved=${encodeURIComponent(unit.code)}#unit-${unit.code}`);
    } catch (error) {
      await answerWithRefusedPage(res, error, async (refused) =>
        adminPage(
          req,
          unitsBody(await this.units.list(), {
            csrf: csrfOf(req),
            refusal: formRefusal('unit-new', refused, form, CONTROLS),
            saved: null,
          }),
        ),
      );
    }
  }

  @Get(':code')
  @HtmlPage()
  async edit(
    @Req() req: AuthenticatedRequest,
    @Param('code') code: string,
    @Query('saved') saved?: unknown,
  ): Promise<string> {
    return adminPage(
      req,
      unitEditBody(await this.units.get(code), { csrf: csrfOf(req), refusal: null, saved: queryText(saved) || null }),
    );
  }

  @Post(':code')
  @MayRenderPage()
  async save(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('code') code: string,
    @Body() form: Record<string, unknown>,
  ): Promise<void> {
    assertSameOriginForm(req);
    try {
      const dto = await validatedForm(UpdateUnitDto, {
        name: formText(form.name),
        kind: formText(form.kind),
        aliases: namesOf(formText(form.aliases)),
        parentBody: formText(form.parentBody) || null,
        active: formText(form.active) === '1',
      });
      await this.units.update(code, dto, req.user);
      res.redirect(303, `/ui/admin/units/${encodeURIComponent(code)}?saved=1`);
    } catch (error) {
      await answerWithRefusedPage(res, error, async (refused) =>
        adminPage(
          req,
          unitEditBody(await this.units.get(code), {
            csrf: csrfOf(req),
            refusal: formRefusal('unit-edit', refused, form, CONTROLS),
            saved: null,
          }),
        ),
      );
    }
  }
}
