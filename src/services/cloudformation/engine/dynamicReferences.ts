// Dynamic references in property values — {{resolve:ssm:name[:version]}}, {{resolve:ssm-secure:…}},
// {{resolve:secretsmanager:id[:SecretString[:json-key[:stage[:version-id]]]]}} — resolved through the
// SSM and Secrets Manager ports only when a provider is called. The stack keeps the references, not
// the values: events never show a secret, and (as at AWS) a changed value alone changes no resource.
import { validation } from "../template/errors.js";
import type { Env } from "./env.js";

const REFERENCE = /\{\{resolve:(ssm|ssm-secure|secretsmanager):([^}]*)\}\}/g;

export function resolveDynamic<T>(env: Env, value: T): T {
  if (typeof value === "string") return (value.includes("{{resolve:") ? value.replace(REFERENCE, (_, kind: string, ref: string) => resolveOne(env, kind, ref)) : value) as T;
  if (Array.isArray(value)) return value.map((v) => resolveDynamic(env, v)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDynamic(env, v)])) as T;
  return value;
}

function resolveOne(env: Env, kind: string, ref: string): string {
  const { accountId, region } = env.state;
  if (kind !== "secretsmanager") {
    const p = env.backend.peers.ssm.parameterValue(accountId, region, ref);
    if (!p) throw validation(`Unable to fetch parameters [${ref.replace(/:\d+$/, "")}] from parameter store for this account.`);
    if ((kind === "ssm") === (p.type === "SecureString")) throw validation(`Parameters [${p.name}] referenced by template have types not supported by dynamic references.`);
    return p.value;
  }
  // The secret id may be an ARN, whose own colons come first: arn:aws:secretsmanager:region:account:secret:name-suffix.
  const parts = ref.split(":");
  const idParts = ref.startsWith("arn:") ? 7 : 1;
  const id = parts.slice(0, idParts).join(":");
  const [field = "SecretString", key = "", stage = "", versionId = ""] = parts.slice(idParts);
  if (field !== "SecretString") throw validation(`Dynamic reference {{resolve:secretsmanager:${ref}}} must name SecretString.`);
  const secret = env.backend.peers.secretsmanager.secretValue(accountId, region, id, { ...(stage ? { versionStage: stage } : {}), ...(versionId ? { versionId } : {}) });
  if (!secret || secret.secretString === undefined) throw validation("Secrets Manager can't find the specified secret.");
  if (!key) return secret.secretString;
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret.secretString);
  } catch {
    throw validation(`Secret ${id} is not a JSON object: cannot read key ${key}.`);
  }
  const v = (parsed as Record<string, unknown>)?.[key];
  if (v === undefined) throw validation(`Could not find SecretString JSON key ${key} in secret ${id}.`);
  return typeof v === "string" ? v : JSON.stringify(v);
}
