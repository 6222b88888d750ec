// A client session against the API processes: each attempt goes to one of them at random (as a
// load balancer would), and a call is retried — with the same Idempotency-Key — on network errors,
// 503 and 429 until it has an answer or its deadline passes.
import type { OpKind, Stats } from "./stats";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Answer {
  /** 0 when the call gave up (no answer before the deadline). */
  status: number;
  body: unknown;
  port: number;
  attempts: number;
}

export interface CallOptions {
  body?: unknown;
  /** A multipart body instead of JSON (the e-invoice upload); sent again as it is on a retry. */
  form?: FormData;
  key?: string;
  /** Per-attempt timeout. */
  timeoutMs?: number;
}

const ATTEMPT_TIMEOUT_MS = 30_000;
const CALL_DEADLINE_MS = 120_000;

export class Session {
  cookie = "";

  constructor(
    private readonly ports: number[],
    private readonly stats: Stats,
  ) {}

  async call(op: OpKind, method: string, path: string, o: CallOptions = {}): Promise<Answer> {
    const counts = this.stats.op(op);
    const deadline = Date.now() + CALL_DEADLINE_MS;
    let backoff = 50;
    for (let attempt = 1; ; attempt++) {
      const port = this.ports[Math.floor(Math.random() * this.ports.length)] ?? 0;
      let wait: number;
      try {
        const headers: Record<string, string> = { "accept-language": "en" };
        if (this.cookie) headers.cookie = this.cookie;
        if (o.body !== undefined && !o.form) headers["content-type"] = "application/json";
        if (o.key) headers["idempotency-key"] = o.key;
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          method,
          headers,
          body: o.form ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
          signal: AbortSignal.timeout(o.timeoutMs ?? ATTEMPT_TIMEOUT_MS),
        });
        const text = await res.text();
        let body: unknown = text;
        try {
          body = text ? (JSON.parse(text) as unknown) : null;
        } catch {
          // not JSON: keep the text
        }
        if (path === "/api/auth/login" && res.status === 200) {
          const cookie = res.headers.getSetCookie().find((c) => /^(__Host-)?mic_session=/.test(c));
          if (cookie) this.cookie = cookie.split(";")[0] ?? "";
        }
        if (res.status !== 503 && res.status !== 429) {
          if (res.status >= 500) {
            this.stats.serverErrors.push({
              op,
              route: `${method} ${path}`,
              status: res.status,
              port,
              at: Date.now(),
              message: typeof body === "string" ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300),
            });
          }
          return { status: res.status, body, port, attempts: attempt };
        }
        if (res.status === 503) this.stats.retriesBy.status_503++;
        else this.stats.retriesBy.status_429++;
        const after = Number(res.headers.get("retry-after"));
        wait = Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 5000) : backoff;
      } catch {
        this.stats.retriesBy.network++;
        wait = backoff;
      }
      this.stats.retries++;
      counts.retries++;
      if (Date.now() + wait > deadline) return { status: 0, body: null, port, attempts: attempt };
      await sleep(wait * (0.5 + Math.random()));
      backoff = Math.min(backoff * 2, 2000);
    }
  }
}
