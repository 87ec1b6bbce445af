// The dispatch table (written by `npm run handlers -- secretsmanager` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";

export const handlers: Handlers = {
  BatchGetSecretValue: null,
  CancelRotateSecret: null,
  CreateSecret: null,
  DeleteResourcePolicy: null,
  DeleteSecret: null,
  DescribeSecret: null,
  GetRandomPassword: null,
  GetResourcePolicy: null,
  GetSecretValue: null,
  ListSecretVersionIds: null,
  ListSecrets: null,
  PutResourcePolicy: null,
  PutSecretValue: null,
  RemoveRegionsFromReplication: null,
  ReplicateSecretToRegions: null,
  RestoreSecret: null,
  RotateSecret: null,
  StopReplicationToReplica: null,
  TagResource: null,
  UntagResource: null,
  UpdateSecret: null,
  UpdateSecretVersionStage: null,
  ValidateResourcePolicy: null,
};
