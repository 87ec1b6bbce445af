// Who a registry request is: the Basic credentials `docker login` stored, `AWS` and a password ECR's
// GetAuthorizationToken issued (it names the account and region whose registry it opens), or a
// password of ecs-local's own agent, which pulls the images of tasks the way ECS's agent does with
// the task's execution role.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { EcrRegistryPort } from "../../services/ecr/context.js";

export interface RegistryCaller {
  accountId: string;
  region: string;
}

export type Authenticated = { caller: RegistryCaller } | { refused: "missing" | "expired" };

/** The password of `Authorization: Basic <base64 of user:password>`; ECR's user is always AWS. */
export function basicPassword(req: IncomingMessage): string | undefined {
  const m = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (!m) return undefined;
  const text = Buffer.from(m[1], "base64").toString("utf8");
  const colon = text.indexOf(":");
  return colon > 0 && text.slice(0, colon) === "AWS" ? text.slice(colon + 1) : undefined;
}

/** Passwords the task runtime pulls with: an HMAC of the account, region and expiry under a key of this process. */
export class AgentPasswords {
  private readonly key = randomBytes(32);

  mint(caller: RegistryCaller, nowMs: number): string {
    const body = `ecs-local-agent.${caller.accountId}.${caller.region}.${nowMs + 3_600_000}`;
    return `${body}.${this.sign(body)}`;
  }

  verify(password: string, nowMs: number): RegistryCaller | undefined {
    const m = /^(ecs-local-agent\.(\d{12})\.([a-z0-9-]+)\.(\d+))\.([0-9a-f]{64})$/.exec(password);
    if (!m || Number(m[4]) <= nowMs) return undefined;
    const want = Buffer.from(this.sign(m[1]), "hex");
    return timingSafeEqual(want, Buffer.from(m[5], "hex")) ? { accountId: m[2], region: m[3] } : undefined;
  }

  private sign(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("hex");
  }
}

export function authenticate(req: IncomingMessage, ecr: EcrRegistryPort, agent: AgentPasswords, nowMs: number): Authenticated {
  const password = basicPassword(req);
  if (password === undefined) return { refused: "missing" };
  const own = agent.verify(password, nowMs);
  if (own) return { caller: own };
  const issued = ecr.token(password);
  if (!issued) return { refused: "missing" };
  if (issued.expiresAt * 1000 <= nowMs) return { refused: "expired" };
  return { caller: { accountId: issued.accountId, region: issued.region } };
}
