// The server's log: one line per request and one per fault, as text or JSON, filtered by level.
// Every layer that logs receives a Logger; nothing writes to stderr on its own.

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFormat = "text" | "json";

export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];
export const LOG_FORMATS: readonly LogFormat[] = ["text", "json"];

/** What one finished request is logged with. */
export interface RequestLogEntry {
  requestId: string;
  accountId: string;
  region: string;
  service: string;
  operation: string;
  status: number;
  durationMs: number;
  /** The error code, when the answer is an error. */
  error?: string;
}

export interface Logger {
  readonly level: LogLevel;
  request(entry: RequestLogEntry): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  /** A fault: the stack goes to the log, never into a response. */
  error(message: string, err?: unknown, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where lines go; stderr by default. */
  write?: (line: string) => void;
  /** Clock for timestamps; the wall clock by default. */
  now?: () => number;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  const format = options.format ?? "text";
  const write = options.write ?? ((line: string) => void process.stderr.write(line + "\n"));
  const now = options.now ?? Date.now;
  const enabled = (l: LogLevel): boolean => RANK[l] >= RANK[level] && level !== "silent";

  const emit = (l: LogLevel, message: string, fields: Record<string, unknown> = {}): void => {
    if (!enabled(l)) return;
    const time = new Date(now()).toISOString();
    if (format === "json") return write(JSON.stringify({ time, level: l, msg: message, ...fields }));
    const extra = Object.entries(fields)
      .filter(([k]) => k !== "stack")
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    const stack = typeof fields.stack === "string" ? `\n${fields.stack}` : "";
    write(`${time} ${l.toUpperCase().padEnd(5)} ${message}${extra ? " " + extra : ""}${stack}`);
  };

  return {
    level,
    request: (e) => {
      if (!enabled("info")) return;
      if (format === "json") return emit("info", "request", { ...e });
      const what = `${e.service}.${e.operation || "-"} ${e.status}${e.error ? " " + e.error : ""} ${e.durationMs.toFixed(1)}ms`;
      emit("info", what, { requestId: e.requestId, account: e.accountId, region: e.region });
    },
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, err, f) => emit("error", m, { ...f, ...(err === undefined ? {} : { stack: errorText(err) }) }),
  };
}

/** A logger that drops everything (test servers). */
export const silentLogger: Logger = createLogger({ level: "silent" });
