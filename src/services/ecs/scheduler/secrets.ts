// What a task reads before its containers start, as the ECS agent does with the task execution role:
// container `secrets` and log `secretOptions` from Systems Manager parameters or Secrets Manager,
// and a private registry's `repositoryCredentials`. A reference that cannot be read stops the task
// with the agent's ResourceInitializationError text; the values go to the runtime only, never into
// the task as DescribeTasks shows it, nor into logs.
import type { Backends } from "../../backends.js";
import type { TaskRun } from "../../../runtime/runtime.js";

const PREFIX = "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: ";

export type SecretResolution = { values: Record<string, Record<string, string>> } | { failure: string };

interface SecretsManagerReference {
  /** The secret's ARN, without the `:json-key:version-stage:version-id` tail. */
  arn: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
}

const SECRETS_MANAGER_ARN = /^(arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):(\d{12}):secret:[^:]+)(?::([^:]*))?(?::([^:]*))?(?::([^:]*))?$/;
const SSM_ARN = /^arn:aws[a-z-]*:ssm:([a-z0-9-]+):(\d{12}):parameter\/.+$/;

function secretsManagerReference(valueFrom: string): (SecretsManagerReference & { region: string; accountId: string }) | undefined {
  const m = SECRETS_MANAGER_ARN.exec(valueFrom);
  if (!m) return undefined;
  const blank = (s: string | undefined): string | undefined => (s ? s : undefined);
  return { arn: m[1], region: m[2], accountId: m[3], jsonKey: blank(m[4]), versionStage: blank(m[5]), versionId: blank(m[6]) };
}

/** A parameter named by ARN is read in the ARN's account and region (SSM's port takes the ARN as it is), a name in the task's. */
function ssmLocation(run: TaskRun, valueFrom: string): { accountId: string; region: string } {
  const m = SSM_ARN.exec(valueFrom);
  return m ? { accountId: m[2], region: m[1] } : { accountId: run.accountId, region: run.region };
}

function readSecretsManager(peers: Backends, valueFrom: string): { value: string } | { failure: string } {
  const ref = secretsManagerReference(valueFrom);
  const fetchFailed = (why: string): { failure: string } => ({ failure: `${PREFIX}unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${ref?.arn ?? valueFrom} from secrets manager: ${why}` });
  if (!ref) return fetchFailed("InvalidParameterException: An error occurred while retrieving the secret: the secret ARN is not valid.");
  const secret = peers.secretsmanager.secretValue(ref.accountId, ref.region, ref.arn, { versionStage: ref.versionStage, versionId: ref.versionId });
  if (!secret) return fetchFailed("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
  const text = secret.secretString ?? (secret.secretBinary !== undefined ? Buffer.from(secret.secretBinary, "base64").toString("utf8") : "");
  if (!ref.jsonKey) return { value: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { failure: `${PREFIX}unable to retrieve secret from asm: retrieved secret from Secrets Manager did not contain json key ${ref.jsonKey}` };
  }
  const value = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>)[ref.jsonKey] : undefined;
  if (value === undefined) return { failure: `${PREFIX}unable to retrieve secret from asm: retrieved secret from Secrets Manager did not contain json key ${ref.jsonKey}` };
  return { value: typeof value === "string" ? value : JSON.stringify(value) };
}

/** Every secret of the task's containers, by container and variable name; the first that cannot be read fails the task. */
export function resolveSecrets(peers: Backends, run: TaskRun): SecretResolution {
  const values: Record<string, Record<string, string>> = {};
  const missingParameters: string[] = [];
  let failure: string | undefined;
  const read = (valueFrom: string): string | undefined => {
    if (valueFrom.startsWith("arn:") && valueFrom.includes(":secretsmanager:")) {
      const r = readSecretsManager(peers, valueFrom);
      if ("failure" in r) failure ??= r.failure;
      return "value" in r ? r.value : undefined;
    }
    const at = ssmLocation(run, valueFrom);
    const p = peers.ssm.parameterValue(at.accountId, at.region, valueFrom);
    if (!p) missingParameters.push(valueFrom);
    return p?.value;
  };
  for (const def of run.td.containerDefinitions ?? []) {
    const own: Record<string, string> = {};
    for (const s of def.secrets ?? []) {
      const v = read(s.valueFrom);
      if (v !== undefined) own[s.name] = v;
    }
    for (const s of def.logConfiguration?.secretOptions ?? []) read(s.valueFrom);
    const credentials = def.repositoryCredentials?.credentialsParameter;
    if (credentials) read(credentials);
    if (Object.keys(own).length) values[def.name!] = own;
  }
  // The agent asks SSM for all of a task's parameters at once and names every one it did not get.
  if (missingParameters.length) return { failure: `${PREFIX}unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: ${missingParameters.join(" ")}` };
  if (failure) return { failure };
  return { values };
}
