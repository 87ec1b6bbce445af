// Finding the parameter version a read names, among the account's parameters or the public ones.
import { ParameterNotFound, ParameterVersionNotFound } from "../generated/errors.js";
import type { ParameterRecord, ParameterVersion, SsmState } from "../store.js";
import { INVALID_NAME, parameterArn, parameterKey, reservedNameError, trimName, validationException, wellFormedName } from "./names.js";
import { isPublicName, publicParameters } from "./publicParameters.js";
import { readReference, type Reference } from "./references.js";

export interface Found {
  record: ParameterRecord;
  version: ParameterVersion;
  arn: string;
  /** As asked (`:3`, `:prod`): GetParameter echoes it. */
  selector?: string;
}

/** The account's parameter, or a public one (its ARN without an account), by name; undefined when absent. */
export function lookupRecord(state: SsmState, name: string): { record: ParameterRecord; arn: string } | undefined {
  if (isPublicName(name)) {
    const record = publicParameters(state.region).get(parameterKey(name));
    return record && { record, arn: parameterArn(state.region, "", record.name) };
  }
  const record = state.parameters.get(parameterKey(name));
  return record && { record, arn: parameterArn(state.region, state.accountId, record.name) };
}

export function versionNotFound(version: number | string, name: string): ParameterVersionNotFound {
  return new ParameterVersionNotFound(`Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`);
}

function select(record: ParameterRecord, ref: Reference): ParameterVersion | undefined {
  if (ref.selector === undefined) return record.versions[record.versions.length - 1];
  const selector = ref.selector.slice(1);
  if (/^\d+$/.test(selector)) {
    const version = record.versions.find((v) => v.version === Number(selector));
    if (!version) throw versionNotFound(selector, ref.name);
    return version;
  }
  return record.versions.find((v) => v.labels.includes(selector));
}

/** Another account's or region's ARN names nothing here (sharing is not served). */
function belongsHere(state: SsmState, ref: Reference): boolean {
  if (ref.accountId === undefined) return true;
  if (ref.region !== state.region) return false;
  return ref.accountId === (isPublicName(ref.name) ? "" : state.accountId);
}

/**
 * The version a reference names: undefined when there is no such parameter or label. A version
 * number the parameter lacks throws ParameterVersionNotFound; a malformed name, ValidationException.
 */
export function findParameter(state: SsmState, reference: string): Found | undefined {
  const ref = readReference(reference);
  if (!ref || !belongsHere(state, ref)) return undefined;
  const found = lookupRecord(state, ref.name);
  if (!found) return undefined;
  const version = select(found.record, ref);
  return version && { record: found.record, version, arn: found.arn, ...(ref.selector !== undefined ? { selector: ref.selector } : {}) };
}

/** SSM answers a missing parameter without a message (botocore prints "… operation: "). */
export function parameterNotFound(): ParameterNotFound {
  return new ParameterNotFound("");
}

export function requireParameter(state: SsmState, reference: string): Found {
  const found = findParameter(state, reference);
  if (!found) throw parameterNotFound();
  return found;
}

/** The account's own parameter a write names (a plain name, no ARN or selector); reserved names are refused as writes. */
export function ownParameter(state: SsmState, input: string): { name: string; key: string; record: ParameterRecord } {
  const name = trimName(input);
  if (!wellFormedName(name)) throw validationException(INVALID_NAME);
  const reserved = reservedNameError(name);
  if (reserved) throw reserved;
  const key = parameterKey(name);
  const record = state.parameters.get(key);
  if (!record) throw parameterNotFound();
  return { name, key, record };
}
