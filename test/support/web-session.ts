import request from 'supertest';
import { ApiHarness } from './api-harness';

export interface WebSession {
  /** Posts an urlencoded form the way the page's own form would (same origin, CSRF token, fresh request id). */
  postForm(path: string, fields: Record<string, string>): Promise<request.Response>;
  /** Posts a body exactly as given (urlencoded), with the session's origin and CSRF fields appended. */
  postRaw(path: string, body: string): Promise<request.Response>;
  get(path: string): Promise<request.Response>;
  /** A multipart form (the submit form with evidence files); the CSRF token rides in the URL as the page's form puts it. */
  postMultipart(
    path: string,
    fields: Record<string, string>,
    files: { field: string; data: Buffer; name: string }[],
    csrf?: string,
  ): Promise<request.Response>;
  cookie: string;
  csrf: string;
}

let requestSeq = 0;

/**
 * A signed-in browser session of the web pages without a browser: the session cookies a login
 * sets, the CSRF token, and the Origin header a same-site form post carries.
 */
export async function webSession(h: ApiHarness, username: string, password = 'duban-demo-2021'): Promise<WebSession> {
  const login = await h.http().post('/auth/login').send({ username, password });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  // A same-origin form carries the server's host and port in Origin: the server must be listening
  // for supertest's URL to have its port (an ephemeral server gets one only after binding).
  const server = h.app.getHttpServer();
  if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const csrf = `csrf-${username}-${Date.now()}`;
  const cookie = `duban_at=${login.body.accessToken}; duban_rt=${login.body.refreshToken}; duban_csrf=${csrf}`;
  const origin = (test: request.Test) => {
    const address = (test as unknown as { url: string }).url;
    return test.set('Origin', new URL(address).origin).set('Cookie', cookie);
  };
  const encode = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
  const extras = () => ({ _csrf: csrf, requestId: `form-${Date.now()}-${++requestSeq}`, back: '/ui/inbox' });
  return {
    cookie,
    csrf,
    postForm: (path, fields) =>
      origin(h.http().post(path))
        .type('form')
        .send(encode({ ...extras(), ...fields })),
    postRaw: (path, body) =>
      origin(h.http().post(path))
        .type('form')
        .send(`${body}&${encode(extras())}`),
    get: (path) => origin(h.http().get(path)),
    postMultipart: (path, fields, files, token = csrf) => {
      let test = origin(h.http().post(`${path}?_csrf=${encodeURIComponent(token)}`));
      for (const [k, v] of Object.entries({ requestId: extras().requestId, ...fields })) test = test.field(k, v);
      for (const f of files) test = test.attach(f.field, f.data, f.name);
      return test;
    },
  };
}
