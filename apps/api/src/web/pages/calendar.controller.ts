import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { CalendarService } from '../../calendar/calendar.service';
import { CalendarYearBody } from '../../calendar/calendar.dto';
import { assertSameOriginForm } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { calendarListBody, CalendarFormState, calendarYearBody } from './calendar.view';
import { csrfOf, pageFor, queryText } from './page-context';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** 工作日历: the years and their status; admins enter a year's holiday notice here. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui/calendar')
export class CalendarPageController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @HtmlPage()
  async list(@Req() req: AuthenticatedRequest): Promise<string> {
    return pageFor(req, { title: '工作日历', active: 'calendar', body: calendarListBody(await this.calendar.years()) });
  }

  @Get(':year')
  @HtmlPage()
  async year(
    @Req() req: AuthenticatedRequest,
    @Param('year', ParseIntPipe) year: number,
    @Query('saved') saved?: unknown,
  ): Promise<string> {
    const y = await this.calendar.year(year);
    const tasks = queryText(saved);
    return pageFor(req, {
      title: `${year} 年工作日历`,
      active: 'calendar',
      body: calendarYearBody(y, {
        canEdit: req.user.role === 'admin',
        csrf: csrfOf(req),
        preview: null,
        form: null,
        saved: tasks ? `已保存 ${year} 年节假日安排，${tasks} 个任务的期限和催办已按新日历重新计算。` : null,
      }),
    });
  }

  /** 读取并检查 shows what the notice says and what to check; 保存 enters it (errors keep the form). */
  @Post(':year')
  @MayRenderPage()
  @Roles('admin')
  async enter(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('year', ParseIntPipe) year: number,
    @Body() posted: Record<string, unknown>,
  ): Promise<void> {
    assertSameOriginForm(req);
    const form: CalendarFormState = {
      noticeText: text(posted.noticeText),
      holidays: text(posted.holidays),
      makeupWorkdays: text(posted.makeupWorkdays),
      docNumber: text(posted.docNumber).trim(),
      issuedOn: text(posted.issuedOn).trim(),
    };
    const step = text(posted.step) === 'save' ? 'save' : 'preview';
    // Reading the notice again re-reads the dates from it; saving takes the lists as shown.
    const fromNotice = step === 'preview' && form.noticeText.trim() !== '';
    const body: CalendarYearBody = {
      noticeText: form.noticeText || undefined,
      holidays: fromNotice ? undefined : lines(form.holidays),
      makeupWorkdays: fromNotice ? undefined : lines(form.makeupWorkdays),
      docNumber: form.docNumber || undefined,
      issuedOn: form.issuedOn || undefined,
    };
    const y = await this.calendar.year(year);
    if (step === 'save') {
      try {
        const result = await this.calendar.save(year, body, req.user);
        res.redirect(303, `/ui/calendar/${year}?saved=${result.replanned.signalled}`);
        return;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'CALENDAR_INVALID') throw error;
      }
    }
    const preview = this.calendar.preview(year, body);
    const filled = {
      ...form,
      holidays: preview.holidays.join('\n'),
      makeupWorkdays: preview.makeupWorkdays.join('\n'),
    };
    res
      .status(preview.errors.length ? 400 : 200)
      .type('html')
      .send(
        pageFor(req, {
          title: `${year} 年工作日历`,
          active: 'calendar',
          body: calendarYearBody(y, { canEdit: true, csrf: csrfOf(req), preview, form: filled, saved: null }),
        }),
      );
  }
}
