// PutParameter's checks, in the order SSM makes them, and the new version they allow.
import type { Input } from "../generated/operations.js";
import type { SsmContext } from "../context.js";
import { ParameterAlreadyExists, ParameterLimitExceeded, ParameterMaxVersionLimitExceeded, TooManyUpdates } from "../generated/errors.js";
import type { ParameterRecord, ParameterVersion, SsmState } from "../store.js";
import { checkNewName, parameterKey, trimName, validationException } from "./names.js";
import { checkKeyId, ciphertextBlob, DEFAULT_KEY_ID, keyIdOnlyForSecureString } from "./secure.js";
import { checkNewTags, mergeTags } from "./tags.js";
import { checkAllowedPattern, checkDataType, checkDataTypeChange, checkValuePresent, resolveTier } from "./values.js";

export const MAX_VERSIONS = 100;
/** Parameters an account may hold in a region, by tier (PutParameter's Tier documentation). */
const MAX_PARAMETERS = { Standard: 10_000, Advanced: 100_000 };

export interface PutPlan {
  key: string;
  name: string;
  version: ParameterVersion;
  /** Tags of a parameter the write creates. */
  tags: NonNullable<Input<"PutParameter">["Tags"]>;
}

/** Who wrote: the caller's ARN, the account's root when the caller is. */
export function callerArn(ctx: SsmContext): string {
  return ctx.request.principal?.arn ?? `arn:aws:iam::${ctx.request.accountId}:root`;
}

function checkRequest(input: Input<"PutParameter">, ctx: SsmContext, name: string): void {
  checkNewName(name, ctx.state.region, ctx.state.accountId);
  if (input.Overwrite && input.Tags && input.Tags.length > 0) {
    throw validationException(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. " +
        "To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  if (input.Policies !== undefined) throw validationException("ecs-local does not support parameter policies yet.");
  checkValuePresent(input.Value);
}

function existingFor(state: SsmState, key: string, overwrite: boolean | undefined): ParameterRecord | undefined {
  if (state.pending.has(key)) throw new TooManyUpdates("There are concurrent updates for a resource that supports one update at a time.");
  const existing = state.parameters.get(key);
  if (existing && !overwrite) throw new ParameterAlreadyExists("The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
  return existing;
}

function keyIdFor(input: Input<"PutParameter">, type: string, previous: ParameterVersion | undefined, requestId: string): string | undefined {
  if (type !== "SecureString") {
    if (input.KeyId !== undefined) throw keyIdOnlyForSecureString();
    return undefined;
  }
  const keyId = input.KeyId ?? (previous?.type === "SecureString" ? previous.keyId : undefined) ?? DEFAULT_KEY_ID;
  checkKeyId(keyId, requestId);
  return keyId;
}

function checkVersionRoom(existing: ParameterRecord | undefined, name: string): void {
  const oldest = existing?.versions[0];
  if (!existing || existing.versions.length < MAX_VERSIONS || !oldest || oldest.labels.length === 0) return;
  throw new ParameterMaxVersionLimitExceeded(
    `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest.version}, the oldest version, ` +
      "can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
  );
}

/** A new parameter past its tier's quota is refused (NordicSemiconductor/asset-tracker-cloud-aws-js#514 quotes the Standard text). */
function checkQuota(state: SsmState, tier: "Standard" | "Advanced"): void {
  let count = 0;
  for (const record of state.parameters.values()) if (record.versions[record.versions.length - 1].tier === tier) count++;
  if (count < MAX_PARAMETERS[tier]) return;
  const words = tier === "Standard" ? "standard" : "advanced";
  throw new ParameterLimitExceeded(
    `You have reached the maximum number of ${words} parameters for this AWS account and Region (${MAX_PARAMETERS[tier]}). ` +
      (tier === "Standard" ? "To add more parameters, either delete existing parameters or upgrade to the advanced-parameter tier (charges apply)." : "To add more parameters, delete existing parameters."),
  );
}

/** Everything a write checks; the version it would add (unsaved). Omitted members keep the previous version's. */
export function planPut(input: Input<"PutParameter">, ctx: SsmContext): PutPlan {
  const name = trimName(input.Name);
  checkRequest(input, ctx, name);
  const key = parameterKey(name);
  const existing = existingFor(ctx.state, key, input.Overwrite);
  const previous = existing?.versions[existing.versions.length - 1];
  const type = input.Type ?? previous?.type;
  if (!type) throw validationException("A parameter type is required when you create a parameter.");
  const keyId = keyIdFor(input, type, previous, ctx.request.requestId);
  const dataType = input.DataType ?? previous?.dataType ?? "text";
  checkDataType(dataType, type);
  if (previous) checkDataTypeChange(previous.dataType, dataType);
  const description = input.Description ?? previous?.description;
  const allowedPattern = input.AllowedPattern ?? previous?.allowedPattern;
  checkAllowedPattern(input.Value, allowedPattern);
  const tier = resolveTier(input.Value, input.Tier, previous?.tier);
  checkVersionRoom(existing, name);
  if (!existing) checkQuota(ctx.state, tier === "Advanced" ? "Advanced" : "Standard");
  const tags = input.Tags ?? [];
  checkNewTags([], tags);
  const number = (previous?.version ?? 0) + 1;
  const version: ParameterVersion = { version: number, type, value: input.Value, tier, dataType, lastModifiedDate: ctx.now(), lastModifiedUser: callerArn(ctx), labels: [] };
  if (keyId !== undefined) {
    version.keyId = keyId;
    version.ciphertext = ciphertextBlob(input.Value, keyId, `${ctx.state.accountId}/${ctx.state.region}`, `${key}:${number}`);
  }
  if (description !== undefined) version.description = description;
  if (allowedPattern !== undefined) version.allowedPattern = allowedPattern;
  return { key, name: existing?.name ?? name, version, tags };
}

/** Saves a planned version; the oldest of 100 goes, unless labelled (then nothing is saved: false). */
export function appendVersion(state: SsmState, plan: PutPlan): boolean {
  let record = state.parameters.get(plan.key);
  if (!record) {
    record = { name: plan.name, versions: [], tags: mergeTags([], plan.tags) };
    state.parameters.set(plan.key, record);
  }
  if (record.versions.length >= MAX_VERSIONS) {
    if (record.versions[0].labels.length > 0) return false;
    record.versions.shift();
  }
  record.versions.push(plan.version);
  return true;
}
