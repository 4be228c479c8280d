import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@duban/domain/errors/domain-error';
import { AccessTokenGuard, bearerToken } from './access-token.guard';
import { UnauthenticatedError } from './auth-errors';
import { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { RolesGuard } from './roles.guard';

class Routes {
  @Public() open(): void {}
  @Roles('admin') adminOnly(): void {}
  @Roles('admin', 'supervisor') adminOrSupervisor(): void {}
  anyone(): void {}
}

const handler = (name: keyof Routes) => Routes.prototype[name];

function context(name: keyof Routes, request: object): ExecutionContext {
  return {
    getHandler: () => handler(name),
    getClass: () => Routes,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const user = (role: AuthUser['role']): AuthUser => ({
  id: 'u1',
  username: 'x',
  displayName: 'X',
  role,
  unitCode: null,
  deputyUnits: [],
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   abc.def.ghi ', 'abc.def.ghi'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    [undefined, undefined],
  ])('%p → %p', (header, token) => expect(bearerToken({ headers: { authorization: header } })).toBe(token));
});

describe('AccessTokenGuard', () => {
  const authenticate = jest.fn();
  const guard = new AccessTokenGuard(new Reflector(), { authenticate } as unknown as AuthService);
  beforeEach(() => authenticate.mockReset());

  it('lets @Public routes through without looking at tokens', async () => {
    await expect(guard.canActivate(context('open', { headers: {} }))).resolves.toBe(true);
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('refuses any other route without a bearer token', async () => {
    await expect(guard.canActivate(context('anyone', { headers: {} }))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('attaches the user and the token id on success', async () => {
    authenticate.mockResolvedValue({ user: user('handler'), claims: { jti: 'j1', exp: 123, sub: 'u1' } });
    const req: Record<string, unknown> = { headers: { authorization: 'Bearer t' } };
    await expect(guard.canActivate(context('anyone', req))).resolves.toBe(true);
    expect(authenticate).toHaveBeenCalledWith('t');
    expect(req.user).toEqual(user('handler'));
    expect(req.accessToken).toEqual({ jti: 'j1', exp: 123 });
  });

  it('takes the session cookie on web pages only', async () => {
    authenticate.mockResolvedValue({ user: user('handler'), claims: { jti: 'j2', exp: 9, sub: 'u1' } });
    const page = { headers: { cookie: 'duban_at=c1' }, path: '/ui/ledger' };
    await expect(guard.canActivate(context('anyone', page))).resolves.toBe(true);
    expect(authenticate).toHaveBeenCalledWith('c1');
    const api = { headers: { cookie: 'duban_at=c1' }, path: '/tasks' };
    await expect(guard.canActivate(context('anyone', api))).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());

  it('allows routes without @Roles for every role', () => {
    expect(guard.canActivate(context('anyone', { user: user('handler') }))).toBe(true);
  });

  it('allows listed roles and refuses others with 403', () => {
    expect(guard.canActivate(context('adminOnly', { user: user('admin') }))).toBe(true);
    expect(guard.canActivate(context('adminOrSupervisor', { user: user('supervisor') }))).toBe(true);
    expect(() => guard.canActivate(context('adminOnly', { user: user('supervisor') }))).toThrow(ForbiddenError);
    expect(() => guard.canActivate(context('adminOnly', {}))).toThrow(ForbiddenError);
  });
});
