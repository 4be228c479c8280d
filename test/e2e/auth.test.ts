import { INestApplication, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProblemDetailsFilter } from '../../apps/api/src/common/problem-details.filter';
import { AuthModule } from '../../apps/api/src/auth/auth.module';
import { SeedModule } from '../../apps/api/src/seed/seed.module';
import { SeedService } from '../../apps/api/src/seed/seed.service';
import { loadSeedConfig } from '../../apps/api/src/seed/seed-config';
import { UnitsModule } from '../../apps/api/src/units/units.module';
import { UsersModule } from '../../apps/api/src/users/users.module';
import { PersistenceModule } from '@duban/persistence/persistence.module';
import { DEFAULT_ORG_UNITS } from '@duban/persistence/seed/default-org-units';
import { Transactions } from '@duban/persistence/repositories/transactions';
import { createThrowawayDatabase } from '../support/throwaway-database';

// Accounts and authentication against a real PostgreSQL: a throwaway database per run, migrated and
// seeded by the modules themselves exactly as on a first start.
jest.setTimeout(60_000);

const DEMO_PASSWORD = 'duban-demo-2021';
const ENV_KEYS = [
  'DATABASE_URL',
  'JWT_SECRET',
  'DUBAN_DEMO_ACCOUNTS',
  'DUBAN_DEMO_PASSWORD',
  'DUBAN_ADMIN_USERNAME',
  'DUBAN_ADMIN_PASSWORD',
  'NODE_ENV',
];
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

let db: { url: string; drop: () => Promise<void> };
let app: INestApplication;
let ds: DataSource;

beforeAll(async () => {
  db = await createThrowawayDatabase('test_auth');
  process.env.DATABASE_URL = db.url;
  process.env.JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
  for (const k of ['DUBAN_DEMO_ACCOUNTS', 'DUBAN_DEMO_PASSWORD', 'DUBAN_ADMIN_USERNAME', 'DUBAN_ADMIN_PASSWORD']) {
    delete process.env[k];
  }
  const moduleRef = await Test.createTestingModule({
    imports: [PersistenceModule.forRoot(), AuthModule, UnitsModule, UsersModule, SeedModule],
  }).compile();
  app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  // The same pipe and filter the API installs in create-api-app.ts.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.init();
  ds = app.get(DataSource);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const http = () => request(app.getHttpServer());

async function login(username: string, password = DEMO_PASSWORD) {
  const res = await http().post('/auth/login').send({ username, password });
  expect(res.status).toBe(200);
  return res.body as {
    accessToken: string;
    refreshToken: string;
    expiresIn: number;
    user: { id: string; role: string; deputyUnits: string[] };
    mustChangePassword: boolean;
  };
}

async function auditRows(action: string, username: string): Promise<{ outcome: string; detail: string | null }[]> {
  return ds.query(`SELECT outcome, detail FROM audit_log WHERE action = $1 AND after->>'username' = $2 ORDER BY id`, [
    action,
    username,
  ]);
}

describe('first start', () => {
  it('seeds the default units and the demo accounts', async () => {
    const units: { code: string }[] = await ds.query('SELECT code FROM org_unit ORDER BY code');
    expect(units.map((u) => u.code)).toEqual(DEFAULT_ORG_UNITS.map((u) => u.code).sort());
    const users: { username: string; role: string; demo: boolean; active: boolean }[] = await ds.query(
      'SELECT username, role, demo, active FROM app_user',
    );
    expect(users).toHaveLength(DEFAULT_ORG_UNITS.length * 2 + 4);
    expect(users.every((u) => u.demo && u.active)).toBe(true);
    const roles = users.reduce<Record<string, number>>((acc, u) => ({ ...acc, [u.role]: (acc[u.role] ?? 0) + 1 }), {});
    expect(roles).toEqual({ handler: 9, 'unit-head': 9, 'deputy-director': 2, supervisor: 1, admin: 1 });
  });

  it('stores argon2id hashes, never the password', async () => {
    const [row]: { password_hash: string }[] = await ds.query(
      "SELECT password_hash FROM app_user WHERE username = 'water-air.handler'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('login', () => {
  it('returns a token pair and the user; the access token opens GET /auth/me', async () => {
    const body = await login('water-air.handler');
    expect(body.expiresIn).toBe(900);
    expect(body.user).toEqual({
      id: expect.any(String),
      username: 'water-air.handler',
      displayName: '水气股承办人',
      role: 'handler',
      unitCode: 'water-air',
      deputyUnits: [],
    });
    const me = await http().get('/auth/me').set('Authorization', `Bearer ${body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(body.user);
    expect(await auditRows('login', 'water-air.handler')).toEqual([{ outcome: 'ok', detail: null }]);
  });

  it('is case-insensitive on the username', async () => {
    const body = await login('Deputy.A');
    expect(body.user.role).toBe('deputy-director');
    expect([...body.user.deputyUnits].sort()).toEqual(['enforcement', 'monitoring', 'water-air']);
  });

  it('refuses requests without a valid token with 401', async () => {
    expect((await http().get('/auth/me')).status).toBe(401);
    const garbage = await http().get('/auth/me').set('Authorization', 'Bearer not.a.jwt');
    expect(garbage.status).toBe(401);
    expect(garbage.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    const { refreshToken } = await login('office.handler');
    // A refresh token is not an access token.
    expect((await http().get('/auth/me').set('Authorization', `Bearer ${refreshToken}`)).status).toBe(401);
  });

  it('answers a wrong password with 401 and audits it', async () => {
    const res = await http().post('/auth/login').send({ username: 'water-air.head', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(await auditRows('login-failed', 'water-air.head')).toEqual([
      { outcome: 'failed', detail: 'wrong password' },
    ]);
    const unknown = await http().post('/auth/login').send({ username: 'nobody', password: 'whatever-pw' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(await auditRows('login-failed', 'nobody')).toEqual([{ outcome: 'failed', detail: 'unknown user' }]);
  });

  it('refuses the 6th attempt after 5 failures with 429 and Retry-After, even with the right password', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await http()
        .post('/auth/login')
        .send({ username: 'ecology.head', password: `wrong-${i}` });
      expect(res.status).toBe(401);
    }
    const sixth = await http().post('/auth/login').send({ username: 'ecology.head', password: DEMO_PASSWORD });
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('LOGIN_THROTTLED');
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const outcomes = (await auditRows('login-failed', 'ecology.head')).map((r) => r.outcome);
    expect(outcomes).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'denied']);
    // The window is per username: another account from the same address still signs in.
    await login('ecology.handler');
  });

  it('validates the body with field messages', async () => {
    const res = await http().post('/auth/login').send({ username: '', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/username must not be empty/),
        expect.stringMatching(/password must be a string/),
        expect.stringMatching(/property extra should not exist/),
      ]),
    );
  });
});

describe('refresh rotation', () => {
  it('exchanges a refresh token once; reusing it is 401 and ends the whole session (token family)', async () => {
    const first = await login('monitoring.handler');
    const rotated = await http().post('/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.body.user.username).toBe('monitoring.handler');
    const me = await http().get('/auth/me').set('Authorization', `Bearer ${rotated.body.accessToken}`);
    expect(me.status).toBe(200);

    const reuse = await http().post('/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');

    // The reuse means the token leaked: the rotated pair dies too, refresh and access alike.
    const again = await http().post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken });
    expect(again.status).toBe(401);
    const meAfter = await http().get('/auth/me').set('Authorization', `Bearer ${rotated.body.accessToken}`);
    expect(meAfter.status).toBe(401);
    // A new sign-in starts a new family, unaffected.
    const fresh = await login('monitoring.handler');
    expect((await http().post('/auth/refresh').send({ refreshToken: fresh.refreshToken })).status).toBe(200);
  });

  it('answers token responses with Cache-Control: no-store', async () => {
    const res = await http().post('/auth/login').send({ username: 'general.head', password: 'duban-demo-2021' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const refreshed = await http().post('/auth/refresh').send({ refreshToken: res.body.refreshToken });
    expect(refreshed.headers['cache-control']).toBe('no-store');
  });

  it('does not accept an access token as a refresh token', async () => {
    const { accessToken } = await login('general.handler');
    expect((await http().post('/auth/refresh').send({ refreshToken: accessToken })).status).toBe(401);
  });
});

describe('logout', () => {
  it('revokes the access token and the given refresh token, and audits it', async () => {
    const session = await login('enforcement.handler');
    const res = await http()
      .post('/auth/logout')
      .set('Authorization', `Bearer ${session.accessToken}`)
      .send({ refreshToken: session.refreshToken });
    expect(res.status).toBe(204);
    const after = await http().get('/auth/me').set('Authorization', `Bearer ${session.accessToken}`);
    expect(after.status).toBe(401);
    expect(after.body.details).toEqual({ reason: 'revoked' });
    expect((await http().post('/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    const [event]: { outcome: string; actor_user_id: string }[] = await ds.query(
      "SELECT outcome, actor_user_id FROM audit_log WHERE action = 'logout'",
    );
    expect(event).toEqual({ outcome: 'ok', actor_user_id: session.user.id });
    // Other sessions of the same user are untouched.
    await login('enforcement.handler');
  });
});

describe('account administration', () => {
  let admin: string;
  let handler: string;
  let supervisor: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    admin = (await login('admin')).accessToken;
    handler = (await login('water-air.handler')).accessToken;
    supervisor = (await login('supervisor')).accessToken;
  });

  it('lets the admin create a user who can then sign in', async () => {
    const res = await http().post('/users').set(auth(admin)).send({
      username: 'Water-Air.Li',
      displayName: '李四',
      password: 'a-new-password',
      role: 'handler',
      unitCode: 'water-air',
      email: 'li@example.gov.cn',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'water-air.li', role: 'handler', active: true, demo: false });
    expect(res.body).not.toHaveProperty('passwordHash');
    const session = await login('water-air.li', 'a-new-password');
    expect(session.user).toMatchObject({ displayName: '李四', unitCode: 'water-air' });
    // The password the admin handed out must be replaced before anything else answers.
    expect(session.mustChangePassword).toBe(true);
    const blocked = await http().get('/units').set(auth(session.accessToken));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await http().get('/auth/me').set(auth(session.accessToken))).status).toBe(200);
    const changed = await http()
      .post('/auth/password')
      .set(auth(session.accessToken))
      .send({ currentPassword: 'a-new-password', newPassword: 'Lushan-waterfall-27' });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await http().get('/units').set(auth(changed.body.accessToken))).status).toBe(200);
    expect((await login('water-air.li', 'Lushan-waterfall-27')).mustChangePassword).toBe(false);
    const [event]: { actor_user_id: string }[] = await ds.query(
      "SELECT actor_user_id FROM audit_log WHERE action = 'user-create'",
    );
    expect(event.actor_user_id).toBe((await http().get('/auth/me').set(auth(admin))).body.id);
  });

  it('refuses a duplicate username with 409', async () => {
    const res = await http()
      .post('/users')
      .set(auth(admin))
      .send({ username: 'supervisor', displayName: 'x', password: 'long-enough-pw', role: 'supervisor' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('USERNAME_TAKEN');
  });

  it('refuses an unknown unit code with a clear 400', async () => {
    const res = await http()
      .post('/users')
      .set(auth(admin))
      .send({
        username: 'lost',
        displayName: 'x',
        password: 'long-enough-pw',
        role: 'deputy-director',
        deputyUnits: ['ecology', 'no-such-unit'],
      });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNKNOWN_UNIT');
    expect(res.body.messageEn).toBe('Unknown unit code(s) in deputyUnits: no-such-unit (see GET /units)');
  });

  it('answers an invalid DTO with 400 and a message per field', async () => {
    const res = await http()
      .post('/users')
      .set(auth(admin))
      .send({ username: '-bad name', displayName: '', password: 'short', role: 'boss', email: 'nope', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields: string[] = res.body.details.fields;
    for (const pattern of [
      /^username: 2-64|username 为/,
      /displayName must not be empty/,
      /password needs at least 10/,
      /role must be one of/,
      /email is not a valid address/,
      /property isAdmin should not exist/,
    ]) {
      expect(fields).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
    }
  });

  it('checks role rules across fields', async () => {
    const res = await http()
      .post('/users')
      .set(auth(admin))
      .send({ username: 'no-unit', displayName: 'x', password: 'long-enough-pw', role: 'unit-head' });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([expect.stringMatching(/unitCode is required for role unit-head/)]);
  });

  it('forbids non-admins (403) and lets supervisors read', async () => {
    const body = { username: 'sneaky', displayName: 'x', password: 'long-enough-pw', role: 'admin' };
    const byHandler = await http().post('/users').set(auth(handler)).send(body);
    expect(byHandler.status).toBe(403);
    expect(byHandler.body.code).toBe('FORBIDDEN');
    expect((await http().post('/users').set(auth(supervisor)).send(body)).status).toBe(403);
    expect((await http().get('/users').set(auth(handler))).status).toBe(403);
    const list = await http().get('/users').set(auth(supervisor));
    expect(list.status).toBe(200);
    expect(list.body.map((u: { username: string }) => u.username)).toContain('water-air.li');
  });

  it('deactivation cuts off existing sessions and further logins', async () => {
    const session = await login('party-group.handler');
    const patch = await http().patch(`/users/${session.user.id}`).set(auth(admin)).send({ active: false });
    expect(patch.status).toBe(200);
    expect(patch.body.active).toBe(false);
    expect((await http().get('/auth/me').set(auth(session.accessToken))).status).toBe(401);
    const relogin = await http().post('/auth/login').send({ username: 'party-group.handler', password: DEMO_PASSWORD });
    expect(relogin.status).toBe(401);
    expect(relogin.body.code).toBe('ACCOUNT_INACTIVE');
  });

  it('resets a password', async () => {
    const { user } = await login('party-branch.handler');
    const patch = await http().patch(`/users/${user.id}`).set(auth(admin)).send({ password: 'reset-password-1' });
    expect(patch.status).toBe(200);
    expect(
      (await http().post('/auth/login').send({ username: 'party-branch.handler', password: DEMO_PASSWORD })).status,
    ).toBe(401);
    expect((await login('party-branch.handler', 'reset-password-1')).mustChangePassword).toBe(true);
    // Demo accounts and the admin's own sign-in need no change.
    expect((await login('supervisor')).mustChangePassword).toBe(false);
  });

  it('keeps the admin from locking themselves out', async () => {
    const me = (await http().get('/auth/me').set(auth(admin))).body;
    const res = await http().patch(`/users/${me.id}`).set(auth(admin)).send({ active: false });
    expect(res.status).toBe(403);
  });

  it('lists units to anyone signed in and lets only admins change them', async () => {
    const list = await http().get('/units').set(auth(handler));
    expect(list.status).toBe(200);
    expect(list.body.find((u: { code: string }) => u.code === 'water-air')).toMatchObject({
      name: '水气股',
      kind: 'section',
    });
    const unit = {
      code: 'solid-waste',
      name: '固废股',
      aliases: ['固废科'],
      kind: 'section',
      parentBody: '生态环境局',
    };
    expect((await http().post('/units').set(auth(handler)).send(unit)).status).toBe(403);
    const created = await http().post('/units').set(auth(admin)).send(unit);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...unit, active: true });
    expect((await http().post('/units').set(auth(admin)).send(unit)).status).toBe(409);
    const bad = await http()
      .post('/units')
      .set(auth(admin))
      .send({ ...unit, code: 'Bad Code', kind: 'castle' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^code /),
        expect.stringMatching(/^kind must be one of|kind 必须/),
      ]),
    );
    const renamed = await http()
      .patch('/units/solid-waste')
      .set(auth(admin))
      .send({ aliases: ['固体废物股'] });
    expect(renamed.status).toBe(200);
    expect(renamed.body.aliases).toEqual(['固体废物股']);
    expect((await http().patch('/units/none').set(auth(admin)).send({ name: 'x' })).status).toBe(404);
  });
});

describe('changing your own password (POST /auth/password)', () => {
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  it('needs the current password and a new one that meets the policy, naming the field', async () => {
    const token = (await login('general.handler')).accessToken;
    const change = (body: object) => http().post('/auth/password').set(auth(token)).send(body);
    const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'Xi-an-bell-tower-27' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD', details: { field: 'currentPassword' } });
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: '1234567890' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', details: { field: 'newPassword' } });
    const withName = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'general.handler-2027' });
    expect(withName.body.code).toBe('WEAK_PASSWORD');
    expect(withName.body.message).toContain('用户名');
    const audit = await auditRows('password-change', 'general.handler');
    expect(audit.map((r) => r.outcome)).toEqual(['failed']);
  });

  it('ends every other session and goes on with fresh tokens; the new password signs in, the old does not', async () => {
    const old = (await login('office.handler')).accessToken;
    // Tokens carry whole seconds: the change comes in a later second than the old session's.
    await new Promise((done) => setTimeout(done, 1100));
    const res = await http()
      .post('/auth/password')
      .set(auth(old))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Gan-river-bridge-2027' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await http().get('/auth/me').set(auth(res.body.accessToken))).status).toBe(200);
    expect((await http().get('/auth/me').set(auth(old))).status).toBe(401);
    expect(
      (await http().post('/auth/login').send({ username: 'office.handler', password: DEMO_PASSWORD })).status,
    ).toBe(401);
    await expect(login('office.handler', 'Gan-river-bridge-2027')).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
    // A demo account whose holder chose a password is a real account now (DUBAN_DEMO_ACCOUNTS=off keeps it).
    const [row] = await ds.query(`SELECT demo FROM app_user WHERE username = 'office.handler'`);
    expect(row.demo).toBe(false);
  });

  it('counts wrong current passwords as failed sign-ins: after 5, even the right one waits', async () => {
    const token = (await login('eia-radiation.handler')).accessToken;
    const change = (currentPassword: string) =>
      http().post('/auth/password').set(auth(token)).send({ currentPassword, newPassword: 'Jinggang-mountain-27' });
    for (let i = 0; i < 5; i++) expect((await change(`guess-${i}-wrong`)).status).toBe(400);
    const refused = await change(DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The account's sign-in is refused too: the guesses were failures of the same username.
    expect(
      (await http().post('/auth/login').send({ username: 'eia-radiation.handler', password: DEMO_PASSWORD })).status,
    ).toBe(429);
    const audit = await auditRows('password-change', 'eia-radiation.handler');
    expect(audit.map((r) => r.outcome).sort()).toEqual(['denied', 'failed', 'failed', 'failed', 'failed', 'failed']);
  });

  it('refuses an admin a weak password for someone else', async () => {
    const admin = (await login('admin')).accessToken;
    const res = await http()
      .post('/users')
      .set(auth(admin))
      .send({ username: 'li.si', displayName: '李四', password: 'qwertyuiop', role: 'supervisor' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'WEAK_PASSWORD', details: { field: 'password' } });
  });
});

describe('OpenAPI', () => {
  it('documents the auth endpoints from the code', () => {
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
    expect(doc.paths['/auth/login'].post?.tags).toEqual(['auth']);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/auth/refresh',
        '/auth/logout',
        '/auth/me',
        '/users',
        '/users/{id}',
        '/units',
        '/units/{code}',
      ]),
    );
    expect(doc.components?.schemas?.LoginResultDto).toBeDefined();
  });
});

describe('seeding (runs last: it rewrites the accounts)', () => {
  it('is safe when two processes seed an empty database at once', async () => {
    await ds.query('DELETE FROM app_user');
    await ds.query('DELETE FROM org_unit');
    // Two data sources: two processes' worth of connections racing for the advisory lock.
    const other = new DataSource({ ...ds.options });
    await other.initialize();
    try {
      const seeders = [app.get(SeedService), new SeedService(new Transactions(other), app.get(SeedService)['hasher'])];
      const reports = await Promise.all(seeders.map((s) => s.run(loadSeedConfig({}))));
      const created = reports.map((r) => r.demoAccountsCreated.length).sort((a, b) => a - b);
      expect(created).toEqual([0, DEFAULT_ORG_UNITS.length * 2 + 4]);
      expect(reports.map((r) => r.unitsSeeded).sort((a, b) => a - b)).toEqual([0, DEFAULT_ORG_UNITS.length]);
      const [{ count }]: { count: string }[] = await ds.query('SELECT count(*) FROM app_user');
      expect(Number(count)).toBe(DEFAULT_ORG_UNITS.length * 2 + 4);
    } finally {
      await other.destroy();
    }
  });

  it('DUBAN_DEMO_ACCOUNTS=off deactivates demo accounts; the env admin is created and survives', async () => {
    const seeder = app.get(SeedService);
    const report = await seeder.run(
      loadSeedConfig({
        DUBAN_DEMO_ACCOUNTS: 'off',
        DUBAN_ADMIN_USERNAME: 'chief',
        DUBAN_ADMIN_PASSWORD: 'chief-password-1',
      }),
    );
    expect(report).toMatchObject({
      demoAccountsCreated: [],
      demoAccountsDeactivated: DEFAULT_ORG_UNITS.length * 2 + 4,
    });
    expect(report.admin).toEqual({ username: 'chief', result: 'created' });
    const refused = await http().post('/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('ACCOUNT_INACTIVE');
    expect((await login('chief', 'chief-password-1')).user).toMatchObject({ role: 'admin' });
    // A restart with a new admin password resets it.
    const again = await seeder.run(
      loadSeedConfig({
        DUBAN_DEMO_ACCOUNTS: 'off',
        DUBAN_ADMIN_USERNAME: 'chief',
        DUBAN_ADMIN_PASSWORD: 'chief-password-2',
      }),
    );
    expect(again.admin).toEqual({ username: 'chief', result: 'reset' });
    await login('chief', 'chief-password-2');
  });
});
