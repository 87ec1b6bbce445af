// Parameter types and the constraints a value must meet (AllowedValues, AllowedPattern, lengths, ranges).
import { formatError, validation } from "./errors.js";
import type { ParameterDeclaration, Template } from "./types.js";

const AWS_TYPES = [
  "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id", "AWS::EC2::Instance::Id", "AWS::EC2::KeyPair::KeyName",
  "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id", "AWS::EC2::Subnet::Id", "AWS::EC2::Volume::Id",
  "AWS::EC2::VPC::Id", "AWS::Route53::HostedZone::Id", "AWS::SSM::Parameter::Name",
];
const SSM_VALUE = /^AWS::SSM::Parameter::Value<(String|List<String>|CommaDelimitedList|AWS::[A-Za-z0-9:]+|List<AWS::[A-Za-z0-9:]+>)>$/;

export function isListType(type: string): boolean {
  return type === "CommaDelimitedList" || type.startsWith("List<") || /^AWS::SSM::Parameter::Value<(List<|CommaDelimitedList)/.test(type);
}

export function isSsmType(type: string): boolean {
  return type.startsWith("AWS::SSM::Parameter::Value<");
}

/** The EC2 type a value (or each item of a list) must name, for AWS-specific types. */
export function ec2Type(type: string): string | undefined {
  const inner = /^List<(AWS::EC2::[A-Za-z:]+)>$/.exec(type)?.[1] ?? type;
  return inner.startsWith("AWS::EC2::") ? inner : undefined;
}

function validType(type: string): boolean {
  if (["String", "Number", "List<Number>", "CommaDelimitedList"].includes(type)) return true;
  if (AWS_TYPES.includes(type)) return true;
  const list = /^List<(.+)>$/.exec(type);
  if (list && AWS_TYPES.includes(list[1]) && list[1] !== "AWS::SSM::Parameter::Name") return true;
  return SSM_VALUE.test(type);
}

export function checkParameterDeclarations(t: Template): void {
  const params = t.Parameters ?? {};
  if (typeof params !== "object" || Array.isArray(params)) throw formatError("Parameters must be a JSON object");
  for (const [name, p] of Object.entries(params)) {
    if (!/^[A-Za-z0-9]+$/.test(name)) throw formatError(`Parameter name ${name} is non alphanumeric.`);
    if (typeof p !== "object" || p === null || typeof p.Type !== "string") throw formatError(`[/Parameters/${name}] Every Parameters object must contain a Type member.`);
    if (!validType(p.Type)) throw formatError(`Unrecognized parameter type: ${p.Type}`);
    if (p.AllowedPattern !== undefined) pattern(name, p.AllowedPattern);
    if (p.Default !== undefined) checkValue(name, p, stringValue(p.Default), "Default");
  }
}

/** A parameter value as CloudFormation keeps it: a list default (YAML sequence) joined with commas. */
export const stringValue = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(",") : String(v));

/** Throws AWS's text when `value` breaks the parameter's constraints. */
export function checkValue(name: string, p: ParameterDeclaration, value: string, what = "Parameter"): void {
  const items = isListType(p.Type) ? (value === "" ? [] : value.split(",")) : [value];
  const fail = (rule: string) => {
    if (what === "Default") throw formatError(`Default value for parameter ${name} ${rule}`);
    throw validation(p.ConstraintDescription ? `Parameter '${name}' failed to satisfy constraint: ${p.ConstraintDescription}` : `Parameter '${name}' ${rule}`);
  };
  if (p.Type === "Number" || p.Type === "List<Number>") {
    for (const i of items) if (i.trim() === "" || Number.isNaN(Number(i))) {
      if (what === "Default") throw formatError(`Default value for parameter ${name} must be a number`);
      throw validation(`Parameter '${name}' must be a number.`);
    }
  }
  for (const i of items) {
    if (p.AllowedValues && !p.AllowedValues.map(String).includes(i)) fail("must be one of AllowedValues");
    if (p.AllowedPattern !== undefined && !pattern(name, p.AllowedPattern).test(i)) fail(`must match pattern ${p.AllowedPattern}`);
    if (p.MinLength !== undefined && i.length < Number(p.MinLength)) fail(`must contain at least ${p.MinLength} characters`);
    if (p.MaxLength !== undefined && i.length > Number(p.MaxLength)) fail(`must contain at most ${p.MaxLength} characters`);
    if (p.MinValue !== undefined && Number(i) < Number(p.MinValue)) fail(`must be a number not less than ${p.MinValue}`);
    if (p.MaxValue !== undefined && Number(i) > Number(p.MaxValue)) fail(`must be a number not greater than ${p.MaxValue}`);
  }
}

/** An AllowedPattern as a regular expression matching the whole value; a broken one is the template's error. */
function pattern(name: string, source: unknown): RegExp {
  try {
    return new RegExp(`^(?:${String(source)})$`);
  } catch {
    throw formatError(`AllowedPattern of parameter ${name} is not a valid regular expression: ${String(source)}`);
  }
}
