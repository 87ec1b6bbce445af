// The scope a stack's template is evaluated in: parameters, pseudo parameters, conditions, mappings,
// the stack's resources (Ref → physical id, Fn::GetAtt → the provider's attributes) and the region's exports.
import { templateError, validation } from "../template/errors.js";
import { NO_VALUE, type Scope } from "../template/intrinsics.js";
import { isListType } from "../template/parameterTypes.js";
import type { Deployment, StackRecord } from "../context.js";
import type { Env } from "./env.js";
import { providerFor } from "../resources/index.js";

export function pseudoValue(env: Pick<Env, "state">, rec: Pick<StackRecord, "stack">, d: Pick<Deployment, "notificationArns">, name: string): unknown {
  switch (name) {
    case "AWS::AccountId":
      return env.state.accountId;
    case "AWS::Region":
      return env.state.region;
    case "AWS::StackName":
      return rec.stack.StackName;
    case "AWS::StackId":
      return rec.stack.StackId;
    case "AWS::Partition":
      return "aws";
    case "AWS::URLSuffix":
      return "amazonaws.com";
    case "AWS::NoValue":
      return NO_VALUE;
    case "AWS::NotificationARNs":
      return d.notificationArns;
    default:
      return undefined;
  }
}

export function parameterValue(d: Deployment, name: string): unknown {
  const decl = d.template.Parameters?.[name];
  if (!decl) return undefined;
  const v = d.values[name];
  return isListType(decl.Type) ? (v === "" ? [] : v.split(",")) : v;
}

export function availabilityZones(env: Env, region: string): string[] {
  if (region !== env.state.region) return [];
  const out = env.backend.peers.client.call("ec2", "DescribeAvailabilityZones", {}, env.request);
  return (out.AvailabilityZones ?? []).map((z: { ZoneName: string }) => z.ZoneName);
}

export function stackScope(env: Env, rec: StackRecord, d: Deployment): Scope {
  const t = d.template;
  return {
    ref(name) {
      const p = parameterValue(d, name);
      if (p !== undefined) return p;
      const pseudo = pseudoValue(env, rec, d, name);
      if (pseudo !== undefined) return pseudo;
      const r = rec.resources.get(name);
      if (r?.physicalId !== undefined) return r.physicalId;
      throw templateError(`Unresolved resource dependencies [${name}] in the Resources block of the template`);
    },
    getAtt(logicalId, attribute) {
      const r = rec.resources.get(logicalId);
      const v = r?.attributes[attribute];
      if (v !== undefined) return v;
      // A documented attribute ecs-local could not give a value to is not the template's fault.
      if (r && providerFor(r.type)?.attributes.includes(attribute)) throw templateError(`ecs-local has no value for attribute ${attribute} of resource ${logicalId} (${r.type})`);
      throw templateError(`resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`);
    },
    condition(name) {
      const c = d.conditions[name];
      if (c === undefined) throw templateError(`Unresolved condition dependency ${name} in Fn::If`);
      return c;
    },
    mapping(m, a, b) {
      const v = t.Mappings?.[m]?.[a]?.[b];
      if (v === undefined) throw templateError(`Unable to get mapping for ${m}::${a}::${b}`);
      return v;
    },
    importValue(name) {
      const e = env.state.exports.get(name);
      if (!e) throw validation(`No export named ${name} found`);
      rec.run?.imports.add(name);
      return e.value;
    },
    azs: (region) => availabilityZones(env, region),
  };
}
