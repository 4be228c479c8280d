import { Body, Controller, Get, Header, Param, Post, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { BulletinGeneratorService } from '../../bulletins/bulletin-generator.service';
import { renderBulletinPdf } from '../../bulletins/bulletin-pdf';
import { BulletinQueryService } from '../../bulletins/bulletin-query.service';
import { renderBulletinXlsx } from '../../bulletins/bulletin-xlsx';
import { PdfPrinter } from '../../common/pdf-printer';
import { csrfOf, pageFor } from '../pages/page-context';
import { assertSameOriginForm } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { isoWeekLabel } from '@duban/domain/labels/labels';
import { attachmentDisposition, bulletinFileName } from '../../common/attachment-disposition';
import { bulletinDetailBody, bulletinListBody } from './bulletin-pages.view';
import { HtmlPage } from '../layout/html-page.decorator';

/** /ui/bulletins: the stored weekly bulletins, one bulletin, its exports, generation on demand. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui/bulletins')
export class BulletinsPageController {
  constructor(
    private readonly bulletins: BulletinQueryService,
    private readonly generator: BulletinGeneratorService,
    private readonly printer: PdfPrinter,
  ) {}

  @Get()
  @HtmlPage()
  // helmet's no-referrer makes Chromium post forms with `Origin: null`, which the CSRF check refuses.
  @Header('Referrer-Policy', 'same-origin')
  async list(@Req() req: AuthenticatedRequest): Promise<string> {
    const [items, plans] = await Promise.all([this.bulletins.list(), this.bulletins.plans()]);
    const canGenerate = req.user.role === 'supervisor' || req.user.role === 'admin';
    return pageFor(req, {
      title: '督办通报',
      active: 'bulletins',
      body: bulletinListBody(items, {
        canGenerate,
        csrf: csrfOf(req),
        plans,
      }),
    });
  }

  @Post('generate')
  @Roles('supervisor', 'admin')
  async generate(@Req() req: AuthenticatedRequest, @Body() body: Record<string, unknown>, @Res() res: Response) {
    assertSameOriginForm(req);
    const planId = typeof body.planId === 'string' && body.planId ? body.planId : undefined;
    const ref = await this.generator.generate(planId);
    res.redirect(303, `/ui/bulletins/${ref.id}`);
  }

  @Get(':id')
  @HtmlPage()
  // helmet's no-referrer makes Chromium post forms with `Origin: null`, which the CSRF check refuses.
  @Header('Referrer-Policy', 'same-origin')
  async detail(@Req() req: AuthenticatedRequest, @Param('id') id: string): Promise<string> {
    const b = await this.bulletins.get(id);
    return pageFor(req, {
      title: `督办通报 ${isoWeekLabel(b.content.week)}`,
      active: 'bulletins',
      body: bulletinDetailBody(id, b.content),
    });
  }

  @Get(':id/export.:format')
  async export(@Param('id') id: string, @Param('format') format: string): Promise<StreamableFile> {
    if (format !== 'xlsx' && format !== 'pdf')
      throw new BadInputError(
        'EXPORT_FORMAT',
        `不支持的导出格式：${format}（xlsx 或 pdf）`,
        `Unknown export format ${format} (xlsx or pdf)`,
      );
    const b = await this.bulletins.get(id);
    const xlsx = format === 'xlsx';
    return new StreamableFile(
      xlsx ? await renderBulletinXlsx(b.content) : await renderBulletinPdf(this.printer, b.content),
      {
        type: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
        disposition: attachmentDisposition(
          bulletinFileName(b.content.planTitle, isoWeekLabel(b.content.week), format),
          `bulletin-${b.content.planId}-${b.content.week}.${format}`,
        ),
      },
    );
  }
}
