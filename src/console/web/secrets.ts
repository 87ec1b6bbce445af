// Secrets Manager as the console reads it: ListSecrets and DescribeSecret, which answer names,
// versions, stages and dates and never a value. The console calls nothing that answers a value
// (GetSecretValue, BatchGetSecretValue).
import type { OperationIO } from "../../services/secretsmanager/generated/operations.js";
import { SIGNING_NAME, TARGET_PREFIX } from "../../services/secretsmanager/generated/operations.js";
import type { DescribeSecretResponse, SecretListEntry } from "../../services/secretsmanager/generated/types.js";
import { JsonApi, type Where } from "./api.js";

export type Secrets = JsonApi<OperationIO>;

export function secretsClient(where: Where): Secrets {
  return new JsonApi<OperationIO>(where, SIGNING_NAME, TARGET_PREFIX);
}

/** The account's secrets by name; `name` keeps those whose name begins with it (ListSecrets' name filter). */
export async function secrets(sm: Secrets, name = ""): Promise<SecretListEntry[]> {
  const list = await sm.all("ListSecrets", { MaxResults: 100, ...(name ? { Filters: [{ Key: "name", Values: [name] }] } : {}) }, "SecretList");
  return list.sort((a, b) => (a.Name ?? "").localeCompare(b.Name ?? ""));
}

/** DescribeSecret by name or ARN; an unknown one is Secrets Manager's ResourceNotFoundException. */
export async function secret(sm: Secrets, id: string): Promise<DescribeSecretResponse> {
  return sm.call("DescribeSecret", { SecretId: id });
}

/** The version a stage (AWSCURRENT by default) is attached to. */
export function versionAt(stages: Record<string, string[]> | undefined, stage = "AWSCURRENT"): string | undefined {
  return Object.entries(stages ?? {}).find(([, s]) => s.includes(stage))?.[0];
}

/** A secret's kind: Secrets Manager's own, or an external one held by the partner `Type` names. */
export function secretType(s: { Type?: string }): string {
  return s.Type ? `External secret (${s.Type})` : "Secrets Manager secret";
}
