// What a task definition names in other services, read from the references alone (never from the
// values behind them): its roles by ARN, and each secret's source — a Systems Manager parameter (by
// name or ARN, with a `:version` or `:label` selector) or a Secrets Manager secret (by ARN, with the
// `:json-key:version-stage:version-id` tail), told apart as the ECS agent tells them.
import type { Where } from "./api.js";

export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

export function parseArn(text: string | undefined): Arn | undefined {
  const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text ?? "");
  return m ? { partition: m[1], service: m[2], region: m[3], accountId: m[4], resource: m[5] } : undefined;
}

/** The role's name: the last part of `role/path/name`. */
export function roleName(arn: string): string {
  const a = parseArn(arn);
  return a?.service === "iam" && a.resource.startsWith("role/") ? a.resource.split("/").pop()! : arn;
}

/** Where an ARN says its resource lives; the page's account and region where it says nothing. */
export function whereOf(arn: Arn | undefined, page: Where): Where {
  return { accountId: arn?.accountId || page.accountId, region: arn?.region || page.region };
}

export interface ParameterSource {
  kind: "ssm";
  name: string;
  /** `:3` or `:prod`: which version the task reads. */
  selector?: string;
  where: Where;
  /** AWS's public parameters (`/aws/service/…`): DescribeParameters does not list them. */
  public: boolean;
}

export interface SecretSource {
  kind: "secretsmanager";
  /** The secret's ARN without the tail, or its name: what DescribeSecret takes. */
  secretId: string;
  /** The name, without the six characters Secrets Manager appends to the ARN. */
  name: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
  where: Where;
}

export type Source = ParameterSource | SecretSource;

const SECRET_ARN = /^(arn:[^:]+:secretsmanager:([^:]*):(\d*):secret:([^:]+))(?::([^:]*))?(?::([^:]*))?(?::([^:]*))?$/;
const SSM_ARN = /^arn:[^:]+:ssm:([^:]*):([^:]*):parameter\/(.+)$/;

function secretSource(m: RegExpExecArray, page: Where): SecretSource {
  const blank = (s: string | undefined): string | undefined => s || undefined;
  // A full ARN ends in "-" and six characters that are not part of the name.
  const name = m[4].replace(/-[A-Za-z0-9]{6}$/, "");
  return { kind: "secretsmanager", secretId: m[1], name, jsonKey: blank(m[5]), versionStage: blank(m[6]), versionId: blank(m[7]), where: { accountId: m[3] || page.accountId, region: m[2] || page.region } };
}

/**
 * Where a `valueFrom` reads from. A name is a parameter's, except where only Secrets Manager can be
 * meant (`only`): a private registry's `credentialsParameter` names a secret by ARN or name.
 */
export function sourceOf(valueFrom: string, page: Where, only?: "secretsmanager"): Source {
  const sm = SECRET_ARN.exec(valueFrom);
  if (sm) return secretSource(sm, page);
  const arn = SSM_ARN.exec(valueFrom);
  if (only === "secretsmanager" && !arn) return { kind: "secretsmanager", secretId: valueFrom, name: valueFrom, where: page };
  const rest = arn ? arn[3] : valueFrom;
  const colon = rest.indexOf(":");
  let name = colon < 0 ? rest : rest.slice(0, colon);
  // An ARN drops a hierarchical name's leading slash.
  if (arn && name.includes("/")) name = `/${name}`;
  const selector = colon < 0 ? undefined : rest.slice(colon);
  const where = arn ? { accountId: arn[2] || page.accountId, region: arn[1] || page.region } : page;
  return { kind: "ssm", name, selector, where, public: /^\/aws\//.test(name) || (arn !== null && arn[2] === "") };
}

/** The same place: a reference in the page's account and region needs no mention of where. */
export function samePlace(a: Where, b: Where): boolean {
  return a.accountId === b.accountId && a.region === b.region;
}
