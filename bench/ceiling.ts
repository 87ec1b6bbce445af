// The ceiling: a bare node:http server that reads each request and answers a fixed JSON body.
// No framework, no parsing, no state: what one Node process on this machine can answer at most.
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 0);
const host = process.argv[3] ?? "127.0.0.1";
/** Optional body size, to show what the machine allows for answers as large as DescribeTasks(100)'s. */
const size = Number(process.argv[4] ?? 0);
const pad = Math.max(0, size - JSON.stringify({ tasks: [{ pad: "" }], failures: [] }).length);
const BODY = Buffer.from(JSON.stringify(size ? { tasks: [{ pad: "x".repeat(pad) }], failures: [] } : { tasks: [], failures: [] }));

const server = createServer((req, res) => {
  req.on("data", () => undefined);
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "application/x-amz-json-1.1", "Content-Length": BODY.length });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, host);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
