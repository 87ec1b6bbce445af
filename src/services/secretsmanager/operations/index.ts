// The dispatch table (written by `npm run handlers -- secretsmanager` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { batchGetSecretValue } from "./batchGetSecretValue.js";
import { cancelRotateSecret } from "./cancelRotateSecret.js";
import { createSecret } from "./createSecret.js";
import { deleteResourcePolicy } from "./deleteResourcePolicy.js";
import { deleteSecret } from "./deleteSecret.js";
import { describeSecret } from "./describeSecret.js";
import { getRandomPassword } from "./getRandomPassword.js";
import { getResourcePolicy } from "./getResourcePolicy.js";
import { getSecretValue } from "./getSecretValue.js";
import { listSecretVersionIds } from "./listSecretVersionIds.js";
import { listSecrets } from "./listSecrets.js";
import { putResourcePolicy } from "./putResourcePolicy.js";
import { putSecretValue } from "./putSecretValue.js";
import { removeRegionsFromReplication } from "./removeRegionsFromReplication.js";
import { replicateSecretToRegions } from "./replicateSecretToRegions.js";
import { restoreSecret } from "./restoreSecret.js";
import { rotateSecret } from "./rotateSecret.js";
import { stopReplicationToReplica } from "./stopReplicationToReplica.js";
import { tagResource } from "./tagResource.js";
import { untagResource } from "./untagResource.js";
import { updateSecret } from "./updateSecret.js";
import { updateSecretVersionStage } from "./updateSecretVersionStage.js";
import { validateResourcePolicy } from "./validateResourcePolicy.js";

export const handlers: Handlers = {
  BatchGetSecretValue: batchGetSecretValue,
  CancelRotateSecret: cancelRotateSecret,
  CreateSecret: createSecret,
  DeleteResourcePolicy: deleteResourcePolicy,
  DeleteSecret: deleteSecret,
  DescribeSecret: describeSecret,
  GetRandomPassword: getRandomPassword,
  GetResourcePolicy: getResourcePolicy,
  GetSecretValue: getSecretValue,
  ListSecretVersionIds: listSecretVersionIds,
  ListSecrets: listSecrets,
  PutResourcePolicy: putResourcePolicy,
  PutSecretValue: putSecretValue,
  RemoveRegionsFromReplication: removeRegionsFromReplication,
  ReplicateSecretToRegions: replicateSecretToRegions,
  RestoreSecret: restoreSecret,
  RotateSecret: rotateSecret,
  StopReplicationToReplica: stopReplicationToReplica,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateSecret: updateSecret,
  UpdateSecretVersionStage: updateSecretVersionStage,
  ValidateResourcePolicy: validateResourcePolicy,
};
