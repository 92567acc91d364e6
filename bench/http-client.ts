/**
 * The benchmarks' browser: cookies, the page's CSRF token, and its own keep-alive connections
 * (node:http), as each person's browser has. The tests' TestClient goes through the process's
 * one global fetch pool, shared by every simulated user; under the web load the first requests
 * of the run (sent at once on new connections) waited for seconds before the server saw them
 * (it answered them in milliseconds once they arrived), which the benchmark then reported as
 * page latency. Loopback only: the base URL must be http://127.0.0.1.
 */
import http from 'node:http';

export interface BenchResponse {
  status: number;
  text: string;
}

/** A request that had no answer in the client's time limit. */
export class BenchTimeoutError extends Error {}

export class BenchClient {
  private cookies: Map<string, string>;
  private readonly agent: http.Agent;
  csrf: string | null = null;

  /** `timeoutMs`: a request with no answer by then fails with a BenchTimeoutError (never hangs). */
  constructor(
    readonly baseUrl: string,
    shared?: { cookies: Map<string, string>; csrf: string | null },
    readonly timeoutMs = 120_000,
  ) {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`benchmarks address 127.0.0.1 only, not ${baseUrl}`);
    this.cookies = shared?.cookies ?? new Map();
    this.csrf = shared?.csrf ?? null;
    // A browser keeps a few connections per site; one at a time is what one simulated user needs.
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  }

  /** The same browser (its cookies and CSRF token) talking to another instance, as behind a load balancer. */
  on(baseUrl: string): BenchClient {
    return new BenchClient(baseUrl, { cookies: this.cookies, csrf: this.csrf }, this.timeoutMs);
  }

  /**
   * A GET on a kept-alive connection that the server closed just as it was reused (its idle
   * timeout, 5 s, ran out while the request was on its way) fails with ECONNRESET before the
   * server saw it: a browser sends it again on a new connection, and so does this client, once
   * (Node's documented pattern, `request.reusedSocket`). Anything else is the request's failure.
   */
  request(path: string, o: { method?: string; body?: string; contentType?: string } = {}, retried = false): Promise<BenchResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (o.body !== undefined) {
      headers['content-type'] = o.contentType ?? 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(o.body));
    }
    return new Promise((resolve, reject) => {
      const req = http.request(this.baseUrl + path, { method: o.method ?? 'GET', headers, agent: this.agent }, (res) => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair] = line.split(';');
          const eq = pair.indexOf('=');
          this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const token = text.match(/name="_csrf" value="([^"]+)"/)?.[1];
          if (token) this.csrf = token;
          resolve({ status: res.statusCode ?? 0, text });
        });
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new BenchTimeoutError(`no answer in ${this.timeoutMs / 1000} s: ${path}`)));
      req.on('error', (err: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && err.code === 'ECONNRESET' && (o.method ?? 'GET') === 'GET' && !retried;
        if (stale) this.request(path, o, true).then(resolve, reject);
        else reject(err);
      });
      req.end(o.body);
    });
  }

  get(path: string): Promise<BenchResponse> {
    return this.request(path);
  }

  /** Loads `formPage` first (for its CSRF token) unless one is known, then posts the form. */
  async postForm(path: string, fields: Record<string, string>, formPage?: string): Promise<BenchResponse> {
    if (formPage || !this.csrf) await this.get(formPage ?? '/');
    const body = new URLSearchParams({ _csrf: this.csrf ?? '', ...fields }).toString();
    return this.request(path, { method: 'POST', body });
  }

  close(): void {
    this.agent.destroy();
  }
}
