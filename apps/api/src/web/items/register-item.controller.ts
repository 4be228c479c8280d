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
import { SOURCE_DOCUMENT_KEY } from '@duban/domain/items/source-document';
import { evidenceMulterOptions, uploadedEvidence } from '../../evidence/evidence-upload';
import { EvidenceService } from '../../evidence/evidence.service';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { taskPagePath } from '@duban/domain/task/task-page-path';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { ItemRegistrationService } from '../../items/item-registration.service';
import { RegisterItemDto } from '../../items/register-item.dto';
import { UnitsService } from '../../units/units.service';
import { validatedForm } from '../admin/validated-form';
import { answerWithRefusedPage, formRefusal } from '../layout/form-refusal';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';
import { csrfOf, formList, formText, pageFor } from '../pages/page-context';
import { SameOriginFormGuard } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { RegisterItemPageState, registerItemBody } from './register-item.view';

const CONTROLS = [
  'title',
  'body',
  'sourceKind',
  'issuer',
  'docNumber',
  'issuedOn',
  'leadUnit',
  'cooperatingUnits',
  'verifyingUnit',
  'dueDate',
  'urgency',
  'kind',
  'batchId',
  'batchTitle',
  'reminderOffsets',
  'escalationAfterWorkdays',
  'receiptWorkdays',
  'attachment',
];
/** "3、1、0" → [3, 1, 0]; blank → undefined (the default policy); a word → NaN, which is refused. */
const numbers = (v: unknown): number[] | undefined => {
  const parts = formText(v)
    .split(/[、，,；;\s]+/)
    .filter(Boolean);
  return parts.length ? parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN)) : undefined;
};

/** 立项 (supervisors, admins): the form, and the item registered and handed to its lead unit. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('supervisor', 'admin')
@Controller('ui/items')
export class RegisterItemPageController {
  constructor(
    private readonly registrations: ItemRegistrationService,
    private readonly units: UnitsService,
    private readonly plans: PlanRepository,
    private readonly evidence: EvidenceService,
  ) {}

  @Get('new')
  @HtmlPage()
  form(@Req() req: AuthenticatedRequest): Promise<string> {
    return this.page(req, { csrf: csrfOf(req), refusal: null });
  }

  /**
   * The form posts multipart (the source document may come with it): origin and token are checked
   * by the guard before a byte of the file is read; the file is refused by its type before the
   * item is registered, and kept only once it is.
   */
  @Post()
  @MayRenderPage()
  @UseGuards(SameOriginFormGuard)
  @UseInterceptors(FileInterceptor('attachment', evidenceMulterOptions(1)))
  async register(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() form: Record<string, unknown>,
    @UploadedFile() file?: { originalname: string; path: string; size: number },
  ): Promise<void> {
    const attachment = file ? uploadedEvidence(file) : null;
    const optional = (name: string) => formText(form[name]) || undefined;
    try {
      const dto = await validatedForm(RegisterItemDto, {
        title: formText(form.title),
        body: optional('body'),
        sourceKind: formText(form.sourceKind),
        issuer: optional('issuer'),
        docNumber: optional('docNumber'),
        issuedOn: optional('issuedOn'),
        leadUnit: formText(form.leadUnit),
        cooperatingUnits: formList(form.cooperatingUnits),
        verifyingUnit: optional('verifyingUnit'),
        dueDate: optional('dueDate'),
        urgency: optional('urgency'),
        kind: optional('kind'),
        batchId: optional('batchId'),
        batchTitle: optional('batchTitle'),
        reminderOffsets: numbers(form.reminderOffsets),
        escalationAfterWorkdays: numbers(form.escalationAfterWorkdays),
        receiptWorkdays: numbers(form.receiptWorkdays)?.[0],
      });
      if (attachment) await this.evidence.typeOf(attachment, 'attachment');
      const requestId = formText(form.requestId) || `${req.user.id}:${Date.now()}`;
      const registered = await this.registrations.register(dto, req.user, requestId);
      // A retried form registers nothing new and attaches nothing twice.
      if (attachment && registered.created) {
        await this.evidence.store(registered.taskId, SOURCE_DOCUMENT_KEY, req.user.id, attachment);
      }
      res.redirect(303, `${taskPagePath(registered.taskId)}?registered=1`);
    } catch (error) {
      const posted = { ...form, cooperatingUnits: formList(form.cooperatingUnits).join(',') };
      await answerWithRefusedPage(res, error, (refused) =>
        this.page(req, { csrf: csrfOf(req), refusal: formRefusal('item', refused, posted, CONTROLS) }),
      );
    } finally {
      if (attachment) await this.evidence.discard([attachment]);
    }
  }

  private async page(req: AuthenticatedRequest, state: RegisterItemPageState): Promise<string> {
    const [units, batches] = await Promise.all([this.units.list(), this.plans.batches()]);
    return pageFor(req, { title: '立项', active: 'items', body: registerItemBody(units, batches, state) });
  }
}
