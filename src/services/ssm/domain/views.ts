// Parameters as the API answers them: Parameter (reads), ParameterMetadata (DescribeParameters) and
// ParameterHistory (GetParameterHistory), in the members' order of the AWS CLI's example outputs.
import type { Parameter, ParameterHistory, ParameterMetadata } from "../generated/types.js";
import type { ParameterRecord, ParameterVersion } from "../store.js";
import type { Found } from "./find.js";

/** A SecureString read without decryption answers its ciphertext. */
function shownValue(v: ParameterVersion, withDecryption: boolean | undefined): string {
  return v.type === "SecureString" && !withDecryption && v.ciphertext !== undefined ? v.ciphertext : v.value;
}

export function parameterView(found: Found, withDecryption: boolean | undefined): Parameter {
  const v = found.version;
  return {
    Name: found.record.name,
    Type: v.type,
    Value: shownValue(v, withDecryption),
    Version: v.version,
    ...(found.selector !== undefined ? { Selector: found.selector } : {}),
    LastModifiedDate: v.lastModifiedDate,
    ARN: found.arn,
    DataType: v.dataType,
  };
}

export function metadataView(record: ParameterRecord, arn: string): ParameterMetadata {
  const v = record.versions[record.versions.length - 1];
  return {
    Name: record.name,
    ARN: arn,
    Type: v.type,
    ...(v.keyId !== undefined ? { KeyId: v.keyId } : {}),
    LastModifiedDate: v.lastModifiedDate,
    LastModifiedUser: v.lastModifiedUser,
    ...(v.description ? { Description: v.description } : {}),
    ...(v.allowedPattern ? { AllowedPattern: v.allowedPattern } : {}),
    Version: v.version,
    Tier: v.tier,
    Policies: [],
    DataType: v.dataType,
  };
}

export function historyView(record: ParameterRecord, v: ParameterVersion, withDecryption: boolean | undefined): ParameterHistory {
  return {
    Name: record.name,
    Type: v.type,
    ...(v.keyId !== undefined ? { KeyId: v.keyId } : {}),
    LastModifiedDate: v.lastModifiedDate,
    LastModifiedUser: v.lastModifiedUser,
    ...(v.description ? { Description: v.description } : {}),
    Value: shownValue(v, withDecryption),
    ...(v.allowedPattern ? { AllowedPattern: v.allowedPattern } : {}),
    Version: v.version,
    Labels: [...v.labels],
    Tier: v.tier,
    Policies: [],
    DataType: v.dataType,
  };
}
