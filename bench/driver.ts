// The load driver: prepared wire requests written as raw bytes over keep-alive connections, a fixed
// number of workers, a time and count budget. It decodes answers only when a phase asks, so the
// driver stays cheap next to the server it measures.
import { Http1Pool } from "./http1.js";
import type { WireRequest } from "./wire.js";

export interface Reply {
  status: number;
  /** Present when the caller asked for it, or when the status is not 200. */
  text?: string;
}

export class Driver {
  readonly pool: Http1Pool;

  constructor(origin: string, connections: number) {
    const url = new URL(origin);
    this.pool = new Http1Pool(url.hostname, Number(url.port), connections);
  }

  async send(req: WireRequest, wantBody = false): Promise<Reply> {
    const res = await this.pool.send(req.raw);
    if (res.status === 200 && !wantBody) return { status: 200 };
    return { status: res.status, text: res.body.toString("utf8") };
  }

  async close(): Promise<void> {
    this.pool.close();
  }
}

/** The error code of an AWS JSON error body (moto and ecs-local both send __type). */
export function errorCode(reply: Reply): string {
  try {
    const body = JSON.parse(reply.text ?? "{}") as { __type?: string; message?: string; Message?: string };
    const code = (body.__type ?? "").split("#").pop() || `HTTP ${reply.status}`;
    const message = body.message ?? body.Message;
    return message ? `${code}: ${message.slice(0, 120)}` : code;
  } catch {
    return `HTTP ${reply.status}: ${(reply.text ?? "").slice(0, 80)}`;
  }
}

export interface OpOutcome {
  requests: number;
  /** Undefined when the unit of work succeeded. */
  error?: string;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  maxOps: number;
  /** One unit of work; i counts from 0 across all workers. */
  op: (i: number) => Promise<OpOutcome>;
}

export interface LoadResult {
  ops: number;
  requests: number;
  errors: number;
  errorSamples: Record<string, number>;
  elapsedMs: number;
  /** Latency of every successful unit, in milliseconds. */
  latencies: number[];
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { ops: 0, requests: 0, errors: 0, errorSamples: {}, elapsedMs: 0, latencies: [] };
  const start = performance.now();
  const deadline = start + opts.durationMs;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < opts.maxOps && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      let outcome: OpOutcome;
      try {
        outcome = await opts.op(i);
      } catch (e) {
        outcome = { requests: 1, error: `driver: ${(e as Error).message}` };
      }
      const dt = performance.now() - t0;
      result.ops++;
      result.requests += outcome.requests;
      if (outcome.error === undefined) result.latencies.push(dt);
      else {
        result.errors++;
        result.errorSamples[outcome.error] = (result.errorSamples[outcome.error] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  result.elapsedMs = performance.now() - start;
  return result;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export interface PhaseStats {
  ops: number;
  requests: number;
  errors: number;
  errorSamples: Record<string, number>;
  seconds: number;
  opsPerSec: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export function summarize(r: LoadResult): PhaseStats {
  const sorted = Float64Array.from(r.latencies).sort();
  const arr = Array.from(sorted);
  const seconds = r.elapsedMs / 1000;
  const okOps = r.ops - r.errors;
  return {
    ops: r.ops,
    requests: r.requests,
    errors: r.errors,
    errorSamples: r.errorSamples,
    seconds: round(seconds, 2),
    opsPerSec: round(okOps / seconds, 1),
    reqPerSec: round(r.requests / seconds, 1),
    p50Ms: round(percentile(arr, 50), 3),
    p99Ms: round(percentile(arr, 99), 3),
  };
}

/** p50 and p99 of latencies (ms), e.g. of each request of a unit made of several. */
export function latencyPercentiles(latencies: number[]): { p50Ms: number; p99Ms: number } {
  const sorted = Array.from(Float64Array.from(latencies).sort());
  return { p50Ms: round(percentile(sorted, 50), 3), p99Ms: round(percentile(sorted, 99), 3) };
}

export function round(n: number, digits: number): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
