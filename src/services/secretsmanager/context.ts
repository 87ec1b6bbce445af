// What a Secrets Manager operation receives besides its input, and the shape of its dispatch table.
import type { Timer } from "../../engine/timeline.js";
import type { IdSource } from "../../state/ids.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { SecretRecord, SecretsManagerState } from "./store.js";

export type { SecretsManagerState } from "./store.js";

export interface SecretsManagerBackend extends ServiceBackend<SecretsManagerState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
  /**
   * GetRandomPassword's randomness, never seeded. A password is answered by a read that is not
   * journaled: drawn from the seeded `ids`, it would shift every id after it, and a replay (which
   * skips reads) would make different ones.
   */
  passwords: IdSource;
  /** The pending end of each secret's recovery window. */
  deletions: Map<SecretRecord, Timer>;
  /**
   * A secret's value as GetSecretValue gives it (ECS task `secrets` and `repositoryCredentials`,
   * CloudFormation's `{{resolve:secretsmanager:…}}`): by name or ARN (a partial ARN too; an ARN names its own account and Region), the
   * AWSCURRENT version unless a stage or version id is named; undefined when there is no such secret
   * or version, or the secret is scheduled for deletion.
   */
  secretValue(accountId: string, region: string, secretId: string, select?: { versionStage?: string; versionId?: string }): SecretValueView | undefined;
}

export interface SecretValueView {
  arn: string;
  name: string;
  versionId: string;
  secretString?: string;
  /** Base64. */
  secretBinary?: string;
}

export type SecretsManagerContext = ServiceContext<SecretsManagerState, SecretsManagerBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: SecretsManagerContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
