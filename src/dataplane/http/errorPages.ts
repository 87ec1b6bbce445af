// The pages an Application Load Balancer answers with itself, with its Server header.
import type { ServerResponse } from "node:http";

export const SERVER = "awselb/2.0";

const TITLES: Record<number, string> = {
  400: "400 Bad Request",
  404: "404 Not Found",
  500: "500 Internal Server Error",
  502: "502 Bad Gateway",
  503: "503 Service Temporarily Unavailable",
  504: "504 Gateway Time-out",
};

export function errorPage(status: number): string {
  const title = TITLES[status] ?? String(status);
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/** Answers with the load balancer's own page, unless the target already started answering (then the connection is cut). */
export function sendError(res: ServerResponse, status: number): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = errorPage(status);
  res.writeHead(status, { Server: SERVER, "Content-Type": "text/html", "Content-Length": Buffer.byteLength(body), Connection: "close" });
  res.end(body);
}
