// A real OpenID Connect provider (oidc-provider) for the single sign-on tests, as its own process:
// the library is ESM, which jest cannot load. Everything comes from one JSON variable:
//   OIDC_TEST_PROVIDER={"port": 4000, "clients": [...client metadata], "accounts": [
//     {"login": "zhang", "password": "…", "claims": {"preferred_username": "…", "name": "…"}}]}
// The issuer is http://127.0.0.1:<port>; "oidc test provider ready at <issuer>" says it listens.
// Sign-in is a small form of our own (login name + password, or 取消 → access_denied); consent is
// granted at once, as for a first-party application.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}');
const issuer = `http://127.0.0.1:${settings.port}`;
const accounts = new Map(settings.accounts.map((a) => [a.login, a]));

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const page = (title, body) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: settings.clients,
  jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // Only what the tests log in with; every claim of an account comes with the profile scope.
  claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'duban_role', 'duban_unit'] },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx, form) => {
        ctx.body = page(
          '退出统一身份认证',
          `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">确认退出</button>
           <button type="submit" form="op.logoutForm">暂不退出</button>`,
        );
      },
      postLogoutSuccessSource: (ctx) => {
        ctx.body = page('已退出统一身份认证', '<p>您已退出。</p>');
      },
    },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  renderError: (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('统一身份认证出错', `<pre>${escape(JSON.stringify(out))}</pre>`);
  },
  findAccount: (_ctx, sub) => {
    const account = [...accounts.values()].find((a) => a.login === sub);
    return account && { accountId: sub, claims: () => ({ sub, ...account.claims }) };
  },
});

/** The sign-in form of one interaction; `problem` is shown above it after a wrong password. */
function loginForm(uid, problem) {
  return page(
    '统一身份认证登录',
    `${problem ? `<p role="alert" id="provider-error">${escape(problem)}</p>` : ''}
     <form method="post" action="/interaction/${escape(uid)}/login">
       <label>登录名 <input name="login" autocomplete="username"></label>
       <label>密码 <input name="password" type="password" autocomplete="current-password"></label>
       <button type="submit" name="action" value="login">登录</button>
       <button type="submit" name="action" value="cancel">取消</button>
     </form>`,
  );
}

async function formBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.prompt.name === 'consent') {
    // First-party: whatever the application asked for is granted without a question.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId } }));
    return;
  }
  if (ctx.method === 'GET' && !match[2]) {
    ctx.type = 'html';
    ctx.body = loginForm(details.uid);
    return;
  }
  if (ctx.method !== 'POST' || !match[2]) return next();
  const form = await formBody(ctx.req);
  if (form.get('action') === 'cancel') {
    const result = { error: 'access_denied', error_description: 'The user cancelled the sign-in' };
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }));
    return;
  }
  const account = accounts.get(form.get('login') ?? '');
  if (!account || account.password !== form.get('password')) {
    ctx.type = 'html';
    ctx.body = loginForm(details.uid, '登录名或密码错误');
    return;
  }
  const result = { login: { accountId: account.login } };
  ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false }));
});

const server = createServer(provider.callback());
server.listen(settings.port, '127.0.0.1', () => console.log(`oidc test provider ready at ${issuer}`));
// Browsers keep connections open: a test's SIGTERM ends the process at once rather than waiting for them.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
