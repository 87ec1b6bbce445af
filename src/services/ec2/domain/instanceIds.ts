// Instance ids in requests: well formed, and existing, else EC2's errors naming every missing one.
import type { Ec2State, InstanceRecord } from "../context.js";
import { ec2Errors } from "./errors.js";

export function findInstances(state: Ec2State, ids: string[]): InstanceRecord[] {
  for (const id of ids) if (!/^i-[0-9a-f]{8,17}$/.test(id)) throw ec2Errors.malformed("InvalidInstanceID.Malformed", id);
  const missing = ids.filter((id) => !state.instances.has(id));
  if (missing.length) throw ec2Errors.instancesNotFound(missing);
  return [...new Set(ids)].map((id) => state.instances.get(id)!);
}
