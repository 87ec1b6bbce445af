// One Docker engine, spoken to over its Engine API with Node's own HTTP client: a unix socket
// (unix:///var/run/docker.sock) or TCP (tcp://host:2375). No Docker CLI, no client library.
import { Agent, request, type IncomingMessage } from "node:http";

export const API = "/v1.41";
export const DEFAULT_SOCKET = "unix:///var/run/docker.sock";

export class EngineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Stream {
  /** Ends when the engine closes the stream or `close` is called. */
  done: Promise<void>;
  close(): void;
}

export class Engine {
  private readonly target: { socketPath: string } | { host: string; port: number };
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });

  constructor(readonly endpoint: string = DEFAULT_SOCKET) {
    if (endpoint.startsWith("tcp://") || endpoint.startsWith("http://")) {
      const u = new URL(endpoint.replace(/^tcp:/, "http:"));
      this.target = { host: u.hostname, port: Number(u.port || 2375) };
    } else this.target = { socketPath: endpoint.replace(/^unix:\/\//, "") };
  }

  private open(method: string, path: string, body: unknown, timeoutMs: number | undefined, onResponse: (res: IncomingMessage) => void, onError: (e: Error) => void, extra: Record<string, string> = {}): () => void {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      {
        ...this.target,
        // A stream gets a connection of its own: the global agent would close it after 5 s of silence.
        agent: timeoutMs === undefined ? false : this.agent,
        method,
        path: API + path,
        headers: { Host: "docker", ...extra, ...(payload ? { "Content-Type": "application/json", "Content-Length": payload.length } : {}) },
        timeout: timeoutMs,
      },
      onResponse,
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: the engine at ${this.endpoint} did not answer within ${timeoutMs} ms`)));
    req.on("error", onError);
    req.end(payload);
    return () => req.destroy();
  }

  /** One call; a status of 400 or more is thrown as an EngineError with the engine's message. */
  call<T = any>(method: string, path: string, body?: unknown, timeoutMs = 60_000, headers?: Record<string, string>): Promise<T> {
    return new Promise((resolve, reject) => {
      this.open(
        method,
        path,
        body,
        timeoutMs,
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: any = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              /* plain text (a pull's progress lines are read by `pull`) */
            }
            if ((res.statusCode ?? 500) >= 400) reject(new EngineError(res.statusCode ?? 500, parsed?.message ?? text.trim()));
            else resolve(parsed as T);
          });
        },
        reject,
        headers,
      );
    });
  }

  /** A long-lived response (events, logs): each chunk as it comes. */
  stream(method: string, path: string, onData: (chunk: Buffer) => void): Promise<Stream> {
    return new Promise((resolve, reject) => {
      let ended!: () => void;
      const done = new Promise<void>((r) => (ended = r));
      const close = this.open(
        method,
        path,
        undefined,
        undefined,
        (res) => {
          if ((res.statusCode ?? 500) >= 400) {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => reject(new EngineError(res.statusCode ?? 500, Buffer.concat(chunks).toString("utf8").trim())));
            return;
          }
          res.on("data", onData);
          res.on("end", ended);
          res.on("error", ended);
          res.on("close", ended);
          resolve({ done, close });
        },
        (e) => {
          ended();
          reject(e);
        },
      );
    });
  }

  async ping(timeoutMs = 2000): Promise<boolean> {
    try {
      return (await this.call("GET", "/_ping", undefined, timeoutMs)) === "OK";
    } catch {
      return false;
    }
  }

  destroy(): void {
    this.agent.destroy();
  }
}
