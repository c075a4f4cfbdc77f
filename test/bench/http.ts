import { inPool } from './pool';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Requests to the API over real HTTP (keep-alive, as a browser's), as one signed-in user or as nobody. */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null = null,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get(path: string): Promise<ApiAnswer> {
    return this.send('GET', path);
  }

  post(path: string, body: object): Promise<ApiAnswer> {
    return this.send('POST', path, body);
  }

  put(path: string, body: object): Promise<ApiAnswer> {
    return this.send('PUT', path, body);
  }

  /** Bearer tokens by username, a few sign-ins at a time (each checks a deliberately slow password hash). */
  async signIn(usernames: readonly string[], password = 'plancycle'): Promise<Map<string, string>> {
    const tokens = await inPool(usernames, 4, async (username) => {
      const answer = await this.post('/api/auth/login', { username, password });
      if (answer.status !== 200) throw new Error(`Sign-in of ${username} failed (${answer.status}): ${JSON.stringify(answer.body)}`);
      return (answer.body as { accessToken: string }).accessToken;
    });
    return new Map(usernames.map((username, index) => [username, tokens[index]]));
  }

  private async send(method: string, path: string, body?: object): Promise<ApiAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body && JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }
}

/** Throws with the answer when the status is not the expected one. */
export function expectStatus(answer: ApiAnswer, expected: number | readonly number[], what: string): ApiAnswer {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  if (!allowed.includes(answer.status)) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}
