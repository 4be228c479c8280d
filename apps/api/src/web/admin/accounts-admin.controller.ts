import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { Roles } from '../../auth/roles.decorator';
import { attachmentDisposition } from '../../common/attachment-disposition';
import { UnitsService } from '../../units/units.service';
import { CreateUserDto } from '../../users/create-user.dto';
import { initialPassword } from '../../users/initial-password';
import { rosterWorkbook } from '../../users/roster/roster-workbook';
import { UpdateUserDto } from '../../users/update-user.dto';
import { UserViewDto } from '../../users/user-view.dto';
import { UsersService } from '../../users/users.service';
import { answerWithRefusedPage, formRefusal } from '../layout/form-refusal';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';
import { csrfOf, formList, formText, queryText } from '../pages/page-context';
import { assertSameOriginForm } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { adminPage } from './admin-page';
import { AccountFormState, accountBody, accountsBody } from './accounts-admin.view';
import { validatedForm } from './validated-form';

const CONTROLS = ['displayName', 'username', 'role', 'unitCode', 'mobile', 'email', 'deputyUnits', 'password'];

/** 系统管理 · 账号: the admin's account list, a new account, and each account's page. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('ui/admin/accounts')
export class AccountsAdminController {
  constructor(
    private readonly users: UsersService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @HtmlPage()
  async formList(
    @Req() req: AuthenticatedRequest,
    @Query('q') q?: unknown,
    @Query('saved') saved?: unknown,
  ): Promise<string> {
    const [users, units, locked] = await Promise.all([this.users.list(), this.units.list(), this.users.locked()]);
    return adminPage(req, accountsBody(users, units, { q: queryText(q), locked, saved: queryText(saved) || null }));
  }

  /** The staff sheet of every account, in the columns the roster import reads back. */
  @Get('export.xlsx')
  async export(@Res() res: Response): Promise<void> {
    const [users, units] = await Promise.all([this.users.list(), this.units.list()]);
    const names = new Map(units.map((u) => [u.code, u.name]));
    const workbook = await rosterWorkbook(users, (code) => names.get(code) ?? code);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('Content-Disposition', attachmentDisposition('人员名单.xlsx', 'staff.xlsx'))
      .setHeader('Cache-Control', 'no-store')
      .send(workbook);
  }

  @Get('new')
  @HtmlPage()
  async newAccount(@Req() req: AuthenticatedRequest): Promise<string> {
    return this.page(req, null, { csrf: csrfOf(req), refusal: null });
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
      const username = formText(form.username).toLowerCase();
      const password = formText(form.password) || initialPassword(username);
      const dto = await validatedForm(CreateUserDto, { ...this.fields(form), username, password });
      const user = await this.users.create(dto, req.user);
      await this.sendIssuedPassword(req, res.status(201), user, password, `已新建账号 ${user.username}。`);
    } catch (error) {
      await answerWithRefusedPage(res, error, (refused) =>
        this.page(req, null, { csrf: csrfOf(req), refusal: this.refusal('account-new', refused, form) }),
      );
    }
  }

  @Get(':id')
  @HtmlPage()
  async account(@Req() req: AuthenticatedRequest, @Param('id', new ParseUUIDPipe()) id: string): Promise<string> {
    return this.page(req, await this.users.get(id), { csrf: csrfOf(req), refusal: null });
  }

  @Post(':id')
  @MayRenderPage()
  async save(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: Record<string, unknown>,
  ): Promise<void> {
    assertSameOriginForm(req);
    try {
      const dto = await validatedForm(UpdateUserDto, { ...this.fields(form), active: formText(form.active) === '1' });
      const user = await this.users.update(id, dto, req.user);
      res.redirect(303, `/ui/admin/accounts?saved=${encodeURIComponent(user.username)}#account-${user.username}`);
    } catch (error) {
      await answerWithRefusedPage(res, error, async (refused) =>
        this.page(req, await this.users.get(id), {
          csrf: csrfOf(req),
          refusal: this.refusal('account-edit', refused, form),
        }),
      );
    }
  }

  /** 重置密码: a new one-time password, shown on this answer only. */
  @Post(':id/password')
  @MayRenderPage()
  async resetPassword(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    assertSameOriginForm(req);
    const current = await this.users.get(id);
    const password = initialPassword(current.username);
    const user = await this.users.update(id, { password }, req.user);
    await this.sendIssuedPassword(req, res, user, password, `已重置 ${user.username} 的密码。`);
  }

  @Post(':id/unlock')
  async unlock(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    assertSameOriginForm(req);
    const user = await this.users.unlock(id, req.user);
    res.redirect(303, `/ui/admin/accounts?saved=${encodeURIComponent(user.username)}#account-${user.username}`);
  }

  /** The account's page with the one-time password it was just given: never cached, never shown again. */
  private async sendIssuedPassword(
    req: AuthenticatedRequest,
    res: Response,
    user: UserViewDto,
    password: string,
    notice: string,
  ): Promise<void> {
    const page = await this.page(req, user, { csrf: csrfOf(req), refusal: null, issuedPassword: password, notice });
    res.type('html').setHeader('Cache-Control', 'no-store').send(page);
  }

  /** The fields both forms post, as the DTOs name them ('' means "none"). */
  private fields(form: Record<string, unknown>) {
    return {
      displayName: formText(form.displayName),
      role: formText(form.role),
      unitCode: formText(form.unitCode) || null,
      deputyUnits: formList(form.deputyUnits),
      mobile: formText(form.mobile) || null,
      email: formText(form.email) || null,
    };
  }

  private refusal(form: string, refused: Parameters<typeof formRefusal>[1], posted: Record<string, unknown>) {
    // Checkbox lists arrive as arrays: kept as one comma-joined value for the form shown again.
    const flat = { ...posted, deputyUnits: formList(posted.deputyUnits).join(','), password: '' };
    return formRefusal(form, refused, flat, CONTROLS);
  }

  private async page(req: AuthenticatedRequest, user: UserViewDto | null, state: AccountFormState): Promise<string> {
    const [units, locked] = await Promise.all([this.units.list(), this.users.locked()]);
    return adminPage(
      req,
      accountBody(user, units, { ...state, lockedFailures: user ? locked.get(user.username) : undefined }),
    );
  }
}
