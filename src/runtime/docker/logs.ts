// A container's output, followed through the Engine API and written to CloudWatch Logs line by line.
import type { LogLine, LogSink, LogTarget } from "../awslogs.js";
import type { Engine, Stream } from "./engine.js";

/** Splits the engine's stream (8-byte frame headers unless the container has a TTY) into timestamped lines. */
export class LineReader {
  private pending: Buffer = Buffer.alloc(0);
  private partial = ["", "", ""];

  constructor(
    private readonly tty: boolean,
    private readonly emit: (lines: LogLine[]) => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.tty) return this.text(1, chunk.toString("utf8"));
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      const stream = this.pending[0] === 2 ? 2 : 1;
      this.text(stream, this.pending.subarray(8, 8 + size).toString("utf8"));
      this.pending = this.pending.subarray(8 + size);
    }
  }

  /** What is left without a newline when the stream ends is a line of its own. */
  end(): void {
    for (const s of [1, 2]) if (this.partial[s]) this.text(s, "\n");
  }

  private text(stream: number, text: string): void {
    const parts = (this.partial[stream] + text).split("\n");
    this.partial[stream] = parts.pop()!;
    const lines: LogLine[] = [];
    for (const raw of parts) {
      // timestamps=1: each line starts with the engine's RFC 3339 time and a space.
      const space = raw.indexOf(" ");
      const at = Date.parse(raw.slice(0, space));
      const message = (Number.isNaN(at) ? raw : raw.slice(space + 1)).replace(/\r$/, "");
      lines.push({ timestamp: Number.isNaN(at) ? Date.now() : at, message });
    }
    if (lines.length) this.emit(lines);
  }
}

/**
 * Follows a container's output until it stops; the promise settles once every line is written.
 * `after` (epoch ms) skips what was written by then: a container followed again after a restart.
 */
export async function followLogs(engine: Engine, id: string, tty: boolean, sink: LogSink, target: LogTarget, after?: number): Promise<Stream> {
  const reader = new LineReader(tty, (lines) => sink.append(target, after === undefined ? lines : lines.filter((l) => l.timestamp > after)));
  // The engine takes fractional seconds; lines of the same millisecond as `after` are read and dropped above.
  const since = after === undefined ? "" : `&since=${(after / 1000).toFixed(3)}`;
  const s = await engine.stream("GET", `/containers/${id}/logs?follow=1&stdout=1&stderr=1&timestamps=1${since}`, (c) => reader.push(c));
  return { close: s.close, done: s.done.then(() => reader.end()) };
}
