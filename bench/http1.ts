// A minimal HTTP/1.1 client over keep-alive sockets that writes prepared request bytes as they are,
// so the wire carries exactly what Node's http client under the SDK writes (undici reorders headers
// and adds its own). It reads Content-Length and chunked answers, and reconnects when told to close.
import { connect, type Socket } from "node:net";

export interface RawReply {
  status: number;
  body: Buffer;
}

interface Pending {
  resolve(r: RawReply): void;
  reject(e: Error): void;
}

const HEAD_END = Buffer.from("\r\n\r\n");

class Connection {
  private socket?: Socket;
  private buf: Buffer = Buffer.alloc(0);
  private pending?: Pending;
  private closeAfter = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  private open(): Socket {
    const s = connect({ host: this.host, port: this.port, noDelay: true });
    s.on("data", (c: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, c]) : c;
      this.parse();
    });
    const fail = (e: Error) => {
      if (this.socket === s) this.socket = undefined;
      this.buf = Buffer.alloc(0);
      const p = this.pending;
      this.pending = undefined;
      p?.reject(e);
    };
    s.on("error", fail);
    s.on("close", () => fail(new Error("connection closed before the answer")));
    return s;
  }

  send(bytes: Buffer, timeoutMs = 30_000): Promise<RawReply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.socket?.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      this.pending = {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      if (!this.socket || this.socket.destroyed) {
        this.buf = Buffer.alloc(0);
        this.socket = this.open();
      }
      this.socket.write(bytes);
    });
  }

  private parse(): void {
    const headEnd = this.buf.indexOf(HEAD_END);
    if (headEnd < 0 || !this.pending) return;
    const head = this.buf.subarray(0, headEnd).toString("latin1");
    const lines = head.split("\r\n");
    const status = Number(lines[0].split(" ")[1]);
    let length = -1;
    let chunked = false;
    this.closeAfter = lines[0].startsWith("HTTP/1.0");
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(":");
      const name = lines[i].slice(0, colon).trim().toLowerCase();
      const value = lines[i].slice(colon + 1).trim().toLowerCase();
      if (name === "content-length") length = Number(value);
      else if (name === "transfer-encoding" && value.includes("chunked")) chunked = true;
      else if (name === "connection") this.closeAfter = value === "close";
    }
    const start = headEnd + 4;
    let body: Buffer | undefined;
    let end = 0;
    if (chunked) {
      const r = dechunk(this.buf, start);
      if (!r) return;
      [body, end] = r;
    } else if (length >= 0) {
      if (this.buf.length < start + length) return;
      body = this.buf.subarray(start, start + length);
      end = start + length;
    } else {
      // No length and not chunked: the body runs to the close; wait for it.
      return;
    }
    this.buf = this.buf.subarray(end);
    const p = this.pending;
    this.pending = undefined;
    if (this.closeAfter) {
      const s = this.socket;
      this.socket = undefined;
      s?.removeAllListeners("close");
      s?.destroy();
    }
    p.resolve({ status, body });
  }

  close(): void {
    this.socket?.destroy();
  }
}

/** The body of a chunked answer and where it ends, or undefined while it is incomplete. */
function dechunk(buf: Buffer, from: number): [Buffer, number] | undefined {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const lineEnd = buf.indexOf("\r\n", at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buf.subarray(at, lineEnd).toString("latin1"), 16);
    if (size === 0) {
      const end = buf.indexOf(HEAD_END, lineEnd);
      return end < 0 ? undefined : [Buffer.concat(parts), end + 4];
    }
    if (buf.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** Up to `size` connections; a request waits for a free one. */
export class Http1Pool {
  private idle: Connection[] = [];
  private waiters: ((c: Connection) => void)[] = [];
  private all: Connection[] = [];

  constructor(host: string, port: number, size: number) {
    for (let i = 0; i < size; i++) this.all.push(new Connection(host, port));
    this.idle = [...this.all];
  }

  async send(bytes: Buffer, timeoutMs?: number): Promise<RawReply> {
    const conn = this.idle.pop() ?? (await new Promise<Connection>((r) => this.waiters.push(r)));
    try {
      return await conn.send(bytes, timeoutMs);
    } finally {
      const w = this.waiters.shift();
      if (w) w(conn);
      else this.idle.push(conn);
    }
  }

  close(): void {
    for (const c of this.all) c.close();
  }
}
