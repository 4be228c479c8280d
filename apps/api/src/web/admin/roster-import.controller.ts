import {
  Body,
  Controller,
  Get,
  Post,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { decodeUploadName } from '../../common/upload-name';
import { UnitsService } from '../../units/units.service';
import { RosterImportService, RosterProblemsError } from '../../users/roster/roster-import.service';
import { MAX_ROSTER_BYTES } from '../../users/roster/roster-sheet';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';
import { csrfOf } from '../pages/page-context';
import { SameOriginFormGuard } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { adminPage } from './admin-page';
import { rosterPreviewBody, rosterResultBody, rosterUploadBody } from './roster-import.view';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * 导入人员名单: upload → every row checked (nothing written) → 确认导入 posts the same bytes back,
 * which are checked again and written in one transaction, or not at all.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('ui/admin/roster')
export class RosterImportPageController {
  constructor(
    private readonly roster: RosterImportService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @HtmlPage()
  upload(@Req() req: AuthenticatedRequest): string {
    return adminPage(req, rosterUploadBody(csrfOf(req), null));
  }

  @Post()
  @MayRenderPage()
  @UseGuards(SameOriginFormGuard)
  @UseInterceptors(
    // The confirmed sheet comes back as a base64 field: a third larger than the file.
    FileInterceptor('file', {
      limits: { fileSize: MAX_ROSTER_BYTES, fieldSize: 3 * MAX_ROSTER_BYTES, files: 1, fields: 8 },
    }),
  )
  async post(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() form: Record<string, unknown>,
    @UploadedFile() file?: { originalname: string; buffer: Buffer },
  ): Promise<void> {
    const applying = text(form.step) === 'apply';
    const bytes = applying ? Buffer.from(text(form.sheet), 'base64') : file?.buffer;
    const fileName = applying ? text(form.fileName).slice(0, 200) : decodeUploadName(file?.originalname ?? '');
    res.type('html').setHeader('Cache-Control', 'no-store');
    if (!bytes || bytes.length === 0) {
      res
        .status(400)
        .send(adminPage(req, rosterUploadBody(csrfOf(req), '请选择要导入的人员名单文件（.xlsx 或 .csv）。')));
      return;
    }
    try {
      if (applying) {
        const result = await this.roster.apply(bytes, fileName, req.user);
        res.send(adminPage(req, rosterResultBody(result)));
        return;
      }
      const plan = await this.roster.preview(bytes, fileName, req.user);
      res.status(plan.problemCount > 0 ? 400 : 200).send(await this.previewPage(req, plan, fileName, bytes));
    } catch (error) {
      if (error instanceof RosterProblemsError) {
        res.status(400).send(await this.previewPage(req, error.plan, fileName, bytes));
        return;
      }
      if (!(error instanceof DomainError) || error.status !== 400) throw error;
      const hint = (error.details as { hint?: string } | undefined)?.hint;
      res.status(400).send(adminPage(req, rosterUploadBody(csrfOf(req), `${error.messageZh}。${hint ?? ''}`)));
    }
  }

  private async previewPage(
    req: AuthenticatedRequest,
    plan: Parameters<typeof rosterPreviewBody>[0],
    fileName: string,
    bytes: Buffer,
  ): Promise<string> {
    const body = rosterPreviewBody(plan, await this.units.list(), {
      csrf: csrfOf(req),
      fileName,
      sheet: bytes.toString('base64'),
    });
    return adminPage(req, body);
  }
}
