import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { answerWithRefusedPage, FormRefusal, formRefusal } from '../layout/form-refusal';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { MAX_READINGS_CSV_BYTES } from '../../targets/readings-csv';
import { TargetsService } from '../../targets/targets.service';
import { csrfOf, pageFor, queryText } from '../pages/page-context';
import { assertSameOriginForm, SameOriginFormGuard } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { indicatorPageBody } from './readings-page.view';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';

/** The controls of the entry form a refusal can be tied to (the reading's own fields). */
const READING_CONTROLS = ['period', 'value', 'unit', 'goodDays', 'validDays'] as const;

const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined);

/** /ui/targets/:indicatorId: one indicator's standing, its readings and the forms to enter them. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui/targets')
export class ReadingsPageController {
  constructor(private readonly targets: TargetsService) {}

  @Post('upload')
  @MayRenderPage()
  @UseGuards(SameOriginFormGuard)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_READINGS_CSV_BYTES, files: 1 } }))
  async upload(
    @Req() req: AuthenticatedRequest,
    @Query('planId') planId: unknown,
    @Query('back') back: unknown,
    @Res() res: Response,
    @UploadedFile() file?: { buffer: Buffer },
  ) {
    assertSameOriginForm(req);
    const page = queryText(back);
    let written: number;
    try {
      if (!file) throw new BadInputError('FILE_REQUIRED', '请选择 CSV 文件', 'Choose a CSV file');
      written = (await this.targets.uploadCsv(req.user, queryText(planId), file.buffer)).written;
    } catch (error) {
      // Every error of an upload is about the file: the file box is marked and takes the focus.
      return this.refused(req, res, page, error, 'csv', {}, ['file'], 'file');
    }
    res.redirect(303, `/ui/targets/${encodeURIComponent(page)}?written=${written}`);
  }

  @Get(':indicatorId')
  @HtmlPage()
  // helmet's no-referrer makes Chromium post forms with `Origin: null`, which the CSRF check refuses.
  @Header('Referrer-Policy', 'same-origin')
  async page(
    @Req() req: AuthenticatedRequest,
    @Param('indicatorId') id: string,
    @Query('written') written?: unknown,
  ): Promise<string> {
    const n = queryText(written);
    return this.render(req, id, { notice: n ? `已保存 ${n} 条数据。` : undefined });
  }

  /** The indicator's page; after a refused form, that form says why. */
  private async render(
    req: AuthenticatedRequest,
    id: string,
    opts: { notice?: string; refusal?: FormRefusal },
  ): Promise<string> {
    const s = await this.targets.get(id);
    const u = req.user;
    const supervisor = u.role === 'supervisor' || u.role === 'admin';
    return pageFor(req, {
      title: `目标指标：${s.name}`,
      active: 'targets',
      body: indicatorPageBody(s, {
        csrf: csrfOf(req),
        canReport: supervisor || ((u.role === 'handler' || u.role === 'unit-head') && u.unitCode === s.ownerUnit),
        canRate: supervisor,
        notice: opts.notice,
        refusal: opts.refusal,
        units: supervisor ? await this.targets.activeUnits() : [],
      }),
    });
  }

  /** A refused entry: the page again, the form saying why beside the field and keeping what was typed. */
  private refused(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    error: unknown,
    form: string,
    body: Record<string, unknown>,
    controls: readonly string[],
    control?: string,
  ): Promise<void> {
    return answerWithRefusedPage(res, error, (refused) => {
      const refusal = formRefusal(form, refused, body, controls);
      if (control) refusal.control = control;
      return this.render(req, id, { refusal });
    });
  }

  @Post(':indicatorId/readings')
  @MayRenderPage()
  async enter(
    @Req() req: AuthenticatedRequest,
    @Param('indicatorId') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    assertSameOriginForm(req);
    try {
      await this.targets.enterReading(req.user, id, {
        period: queryText(body.period),
        value: num(body.value),
        unit: queryText(body.unit) || undefined,
        goodDays: num(body.goodDays),
        validDays: num(body.validDays),
      });
    } catch (error) {
      return this.refused(req, res, id, error, 'reading', body, READING_CONTROLS);
    }
    res.redirect(303, `/ui/targets/${id}?written=1`);
  }

  @Post(':indicatorId/settings')
  @Roles('supervisor', 'admin')
  async settings(
    @Req() req: AuthenticatedRequest,
    @Param('indicatorId') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    assertSameOriginForm(req);
    const period = queryText(body.reportingPeriod);
    if (!['monthly', 'quarterly', 'annual'].includes(period))
      throw new BadInputError('PERIOD_INVALID', `报送周期“${period}”无效`, `Unknown reporting period "${period}"`);
    await this.targets.updateSettings(id, { ownerUnit: queryText(body.ownerUnit) || null, reportingPeriod: period });
    res.redirect(303, `/ui/targets/${id}`);
  }

  @Post(':indicatorId/status')
  @MayRenderPage()
  @Roles('supervisor', 'admin')
  async rate(
    @Req() req: AuthenticatedRequest,
    @Param('indicatorId') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ) {
    assertSameOriginForm(req);
    const status = queryText(body.status);
    if (!['on-track', 'at-risk', 'off-track', 'achieved'].includes(status))
      throw new BadInputError('STATUS_INVALID', `状态“${status}”无效`, `Unknown status "${status}"`);
    try {
      await this.targets.setQualitativeStatus(req.user, id, status, queryText(body.note));
    } catch (error) {
      return this.refused(req, res, id, error, 'rating', body, ['status', 'note']);
    }
    res.redirect(303, `/ui/targets/${id}?written=1`);
  }
}
