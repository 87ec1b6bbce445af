// Reading a request body up to a limit, for every protocol.
import type { IncomingMessage } from "node:http";

/** Reads the body up to the limit; past it, the rest is drained and the request refused with `tooLarge`. */
export function readBody(req: IncomingMessage, limit: number, tooLarge: (limit: number) => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      req.resume();
      req.on("end", () => reject(tooLarge(limit)));
      req.on("error", () => reject(tooLarge(limit)));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on("end", () => (over ? reject(tooLarge(limit)) : resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
    req.on("error", reject);
  });
}
