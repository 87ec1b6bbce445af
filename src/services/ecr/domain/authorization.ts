// Registry passwords: what `aws ecr get-login-password | docker login` hands the registry. As AWS's,
// the token is base64 of `AWS:<password>`, the password base64 of a JSON document (payload, data
// key, version, type, expiration), valid for 12 hours (the model's documentation). ECR keeps each
// one it issued with the registry and region it opens, so the registry can tell who pushes.
import type { EcrContext, IssuedToken } from "../context.js";
import type { AuthorizationData } from "../generated/types.js";
import { proxyEndpoint } from "./repositories.js";

const VALID_SECONDS = 12 * 3600;

export function issueToken(ctx: EcrContext, registryId: string): AuthorizationData {
  const { ids, tokens } = ctx.backend;
  const now = ctx.now();
  for (const [password, t] of tokens) if (t.expiresAt <= now) tokens.delete(password);
  const expiresAt = now + VALID_SECONDS;
  const document = { payload: ids.bytes(96).toString("base64"), datakey: ids.bytes(64).toString("base64"), version: "2", type: "DATA_KEY", expiration: Math.floor(expiresAt) };
  const password = Buffer.from(JSON.stringify(document)).toString("base64");
  const issued: IssuedToken = { accountId: registryId, region: ctx.state.region, expiresAt };
  tokens.set(password, issued);
  return { authorizationToken: Buffer.from(`AWS:${password}`).toString("base64"), expiresAt, proxyEndpoint: proxyEndpoint(ctx.backend.config, registryId, ctx.state.region) };
}
