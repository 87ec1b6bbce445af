// The answers an ALB gives itself: fixed responses and redirects, with AWS's placeholders
// (#{protocol}, #{host}, #{port}, #{path}, #{query}) filled from the request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FixedResponseActionConfig, RedirectActionConfig } from "../../services/elbv2/generated/types.js";
import { SERVER } from "./errorPages.js";
import type { RequestFacts } from "./rules.js";

export function fixedResponse(res: ServerResponse, c: FixedResponseActionConfig): void {
  const body = c.MessageBody ?? "";
  res.writeHead(Number(c.StatusCode), { Server: SERVER, "Content-Type": c.ContentType ?? "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** Where a redirect points; `port` is the port the request arrived on (the listener's local port). */
export function redirectLocation(c: RedirectActionConfig, facts: RequestFacts, protocol: string, port: number, rawQuery: string): string {
  const fill = (text: string): string =>
    text
      .replace(/#\{protocol\}/g, protocol.toLowerCase())
      .replace(/#\{host\}/g, facts.host)
      .replace(/#\{port\}/g, String(port))
      .replace(/#\{path\}/g, facts.path.replace(/^\//, ""))
      .replace(/#\{query\}/g, rawQuery);
  const scheme = fill(c.Protocol ?? "#{protocol}").toLowerCase();
  const host = fill(c.Host ?? "#{host}");
  const to = fill(c.Port ?? "#{port}");
  const path = fill(c.Path ?? "/#{path}");
  const query = fill(c.Query ?? "#{query}");
  const defaultPort = (scheme === "http" && to === "80") || (scheme === "https" && to === "443");
  return `${scheme}://${host}${defaultPort ? "" : `:${to}`}${path.startsWith("/") ? path : `/${path}`}${query ? `?${query}` : ""}`;
}

export function redirect(req: IncomingMessage, res: ServerResponse, c: RedirectActionConfig, facts: RequestFacts, protocol: string, port: number): void {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const location = redirectLocation(c, facts, protocol, port, q < 0 ? "" : url.slice(q + 1));
  const status = c.StatusCode === "HTTP_301" ? 301 : 302;
  const body = `<html>\r\n<head><title>${status} ${status === 301 ? "Moved Permanently" : "Moved Temporarily"}</title></head>\r\n<body>\r\n<center><h1>${status} ${status === 301 ? "Moved Permanently" : "Moved Temporarily"}</h1></center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { Server: SERVER, Location: location, "Content-Type": "text/html", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
