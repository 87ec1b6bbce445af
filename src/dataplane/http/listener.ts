// One request to an ALB's HTTP listener: the rules pick an action, which answers, redirects or forwards.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ListenerView } from "../../services/elbv2/trafficPort.js";
import { fixedResponse, redirect } from "./actions.js";
import { sendError } from "./errorPages.js";
import { forward, type ForwardContext } from "./forward.js";
import { factsOf, finalAction, matchRule } from "./rules.js";

/** `localPort`: the port the request arrived on (a redirect's #{port}). */
export function serveListener(ctx: ForwardContext, view: ListenerView, localPort: number, req: IncomingMessage, res: ServerResponse): void {
  const { accountId, region, listener } = view;
  const rules = ctx.traffic.rules(accountId, region, listener.ListenerArn!);
  if (!rules) return sendError(res, 503);
  const clientIp = (req.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
  const facts = factsOf(req.method ?? "GET", req.url ?? "/", req.headers, clientIp);
  const rule = matchRule(rules, facts);
  const action = rule && finalAction(rule);
  if (!action) return sendError(res, 503);
  if (action.Type === "fixed-response") return fixedResponse(res, action.FixedResponseConfig!);
  if (action.Type === "redirect") return redirect(req, res, action.RedirectConfig!, facts, listener.Protocol ?? "HTTP", localPort);
  const lbAttrs = ctx.traffic.loadBalancerAttributes(accountId, region, listener.LoadBalancerArn!);
  const idleTimeout = Number(lbAttrs?.get("idle_timeout.timeout_seconds") ?? 60);
  forward(ctx, action, { accountId, region, idleTimeout, listenerPort: listener.Port!, protocol: listener.Protocol ?? "HTTP", clientIp }, req, res);
}
