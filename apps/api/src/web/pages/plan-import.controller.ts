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
import { FileInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { UnitMapping } from '@duban/domain/plan/unit-mappings';
import { MAX_PLAN_BYTES, PlanDraft, PlanParseError } from '@duban/workplan';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { actorOf } from '../../common/actor-of';
import { DraftProblemsError, PlanPreviewService } from '../../plans/plan-preview.service';
import { SameOriginFormGuard } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { editorBody, EditorState, resultBody, uploadBody } from './plan-import.view';
import { csrfOf, pageFor } from './page-context';
import { decodeUploadName } from '../../common/upload-name';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';

/** The corrected draft and mappings are posted as multipart fields: a large plan passes 1 MB. */
const MAX_DRAFT_FIELD_BYTES = 8 * 1024 * 1024;

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function parseJsonField<T>(value: unknown, fallback: T): T {
  try {
    return JSON.parse(text(value)) as T;
  } catch {
    return fallback;
  }
}

/** Mappings as the page posts them, each checked to name a unit or a unit to create. */
function mappingsOf(value: unknown): UnitMapping[] {
  const list = parseJsonField<unknown[]>(value, []);
  if (!Array.isArray(list)) return [];
  return list.slice(0, 500).flatMap((m): UnitMapping[] => {
    if (typeof m !== 'object' || m === null) return [];
    const r = m as Record<string, unknown>;
    const name = text(r.name).trim();
    if (!name) return [];
    if (typeof r.unit === 'string' && r.unit) return [{ name, unit: r.unit }];
    const create = r.create as Record<string, unknown> | undefined;
    if (create && typeof create === 'object')
      return [{ name, create: { name: text(create.name), kind: text(create.kind) } }];
    return [];
  });
}

/**
 * 导入计划 (supervisors, admins): upload → the parsed plan as a table to correct → import through
 * the same all-or-nothing import as the API. A document the parser half-understands becomes a
 * correct import without editing the document; nothing is written before the last step.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('supervisor', 'admin')
@Controller('ui/plans/import')
export class PlanImportPageController {
  constructor(private readonly previews: PlanPreviewService) {}

  @Get()
  @HtmlPage()
  upload(@Req() req: AuthenticatedRequest): string {
    return this.uploadPage(req, null);
  }

  @Post()
  @MayRenderPage()
  @UseGuards(SameOriginFormGuard)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PLAN_BYTES, files: 1, fields: 10 } }))
  async preview(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() form: Record<string, unknown>,
    @UploadedFile() file?: { originalname: string; buffer: Buffer },
  ): Promise<void> {
    if (!file || file.buffer.length === 0) {
      res.status(400).type('html').send(this.uploadPage(req, '请选择要导入的计划文件。'));
      return;
    }
    const year = Number(text(form.fallbackYear));
    try {
      const fileName = decodeUploadName(file.originalname);
      const preview = await this.previews.preview(file.buffer, fileName, year >= 2000 ? year : undefined);
      res.type('html').send(
        this.editorPage(req, {
          csrf: csrfOf(req),
          fileName,
          draft: preview.draft,
          units: preview.units,
          unknownUnits: preview.unknownUnits,
          mappings: [],
          problems: [],
          error: null,
          revision: null,
          planId: '',
        }),
      );
    } catch (error) {
      if (!(error instanceof PlanParseError)) throw error;
      const where = error.line ? `（第 ${error.line} 行）` : '';
      res
        .status(400)
        .type('html')
        .send(this.uploadPage(req, `${error.messageZh}${where}。${error.hint}`));
    }
  }

  @Post('confirm')
  @MayRenderPage()
  @UseGuards(SameOriginFormGuard)
  @UseInterceptors(NoFilesInterceptor({ limits: { fieldSize: MAX_DRAFT_FIELD_BYTES, fields: 10 } }))
  async confirm(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: Record<string, unknown>) {
    const draftValue = parseJsonField<unknown>(form.draft, null);
    const mappings = mappingsOf(form.mappings);
    const planId = text(form.planId).trim();
    const receiptWorkdays = text(form.receiptWorkdays).trim();
    const progress = text(form.progress).trim();
    const state = async (overrides: Partial<EditorState>): Promise<EditorState> => {
      const units = await this.previews.knownUnits();
      const draft = draftValue as PlanDraft;
      return {
        csrf: csrfOf(req),
        fileName: text(form.fileName).slice(0, 200),
        draft,
        units,
        unknownUnits: this.previews.unknownNames(draft, units),
        mappings,
        problems: [],
        error: null,
        revision: null,
        planId,
        receiptWorkdays,
        progress,
        ...overrides,
      };
    };
    try {
      const result = await this.previews.importDraft(
        {
          draft: draftValue,
          unitMappings: mappings,
          ...(planId ? { planId } : {}),
          confirm: text(form.confirm) === '1',
          ...(receiptWorkdays === '' ? {} : { receiptWorkdays: Number(receiptWorkdays) }),
          ...(progress ? { progress } : {}),
        },
        actorOf(req.user),
      );
      if (result.requiresConfirmation) {
        const d = result.diff;
        const revision = {
          added: d?.added.length ?? 0,
          removed: d?.removed.length ?? 0,
          changed: d?.changed.length ?? 0,
        };
        res
          .status(409)
          .type('html')
          .send(
            this.editorPage(
              req,
              await state({
                revision,
                error: `《${result.title}》已导入过，本次内容与之不同。请核对后勾选“确认按本次内容修订”再导入。`,
              }),
            ),
          );
        return;
      }
      res.type('html').send(pageFor(req, { title: '导入计划', active: 'import', body: resultBody(result) }));
    } catch (error) {
      // A malformed draft field cannot be shown again: back to the upload.
      if (error instanceof PlanParseError && error.code === 'INVALID_PLAN_DRAFT') {
        res
          .status(400)
          .type('html')
          .send(this.uploadPage(req, `${error.messageZh}。${error.hint}`));
        return;
      }
      if (error instanceof DraftProblemsError) {
        res
          .status(400)
          .type('html')
          .send(this.editorPage(req, await state({ problems: error.problems })));
        return;
      }
      if (error instanceof DomainError && error.status === 400) {
        res
          .status(400)
          .type('html')
          .send(
            this.editorPage(
              req,
              await state({
                error: error.messageZh,
                errorField: (error.details as { field?: string } | undefined)?.field ?? null,
              }),
            ),
          );
        return;
      }
      throw error;
    }
  }

  private uploadPage(req: AuthenticatedRequest, error: string | null): string {
    const year = Number(shanghaiDate(Date.now()).slice(0, 4));
    return pageFor(req, { title: '导入计划', active: 'import', body: uploadBody(csrfOf(req), error, year) });
  }

  private editorPage(req: AuthenticatedRequest, state: EditorState): string {
    return pageFor(req, {
      title: '导入计划：核对与修改',
      active: 'import',
      body: editorBody(state),
      scripts: ['/ui/assets/plan-import.js'],
    });
  }
}
