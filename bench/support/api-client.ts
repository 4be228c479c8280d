/** A small HTTP client of the duban API (Node's fetch) for benchmarks and fault tests. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async login(username: string, password = 'duban-demo-2021'): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.request<{ accessToken: string }>('POST', '/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: FormData | string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: FormData | string | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** POST /plans/import with the document as a multipart upload. */
  async importPlan(token: string, document: string | Buffer, query: string, filename = 'plan.txt') {
    const form = new FormData();
    form.append('file', new Blob([document]), filename);
    return this.request<Record<string, unknown>>('POST', `/plans/import?${query}`, { token, raw: form });
  }
}
