/** A signed-in caller of the product's API (AUTH_MODE=dev tokens), over plain HTTP. */
export class ApiClient {
  private readonly tokens = new Map<string, string>();
  /** 503s answered and retried, as the contract asks (same body, so the same requestId, after Retry-After). */
  unavailable = 0;

  constructor(readonly baseUrl: string) {}

  async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) {
      const body = await this.call<{ token: string }>('POST', '/api/auth/dev-token', { body: { username }, expect: 200 });
      token = body.token;
      this.tokens.set(username, token);
    }
    return token;
  }

  async get<T>(username: string, path: string): Promise<T> {
    return this.call<T>('GET', path, { token: await this.token(username), expect: 200 });
  }

  async post<T>(username: string, path: string, body: unknown, expect: number): Promise<T> {
    return this.call<T>('POST', path, { token: await this.token(username), body, expect });
  }

  /** `POST /api/documents` (multipart): one file of a dossier; resolves to its id. */
  async upload(username: string, type: string, bytes: Buffer, fileName: string): Promise<string> {
    const form = new FormData();
    form.set('type', type);
    form.set('file', new Blob([bytes], { type: 'application/pdf' }), fileName);
    const res = await fetch(`${this.baseUrl}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await this.token(username)}` },
      body: form,
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`POST /api/documents: ${res.status} ${text.slice(0, 500)}`);
    return (JSON.parse(text) as { id: string }).id;
  }

  private async call<T>(method: string, path: string, opts: { token?: string; body?: unknown; expect: number }): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.once(method, path, opts);
      if (res.status === 503 && attempt < MAX_ATTEMPTS) {
        this.unavailable += 1;
        await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000));
        continue;
      }
      const text = await res.text();
      if (res.status !== opts.expect) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
      return JSON.parse(text) as T;
    }
  }

  private once(method: string, path: string, opts: { token?: string; body?: unknown }): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  }
}

const MAX_ATTEMPTS = 3;
