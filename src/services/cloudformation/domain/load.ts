// The operations of other services a stack operation may call, loaded before it starts: the steps
// run in timers, synchronously, where nothing can be awaited.
import type { CloudFormationContext } from "../context.js";
import { knownTypes, providerFor } from "../resources/index.js";
import { EC2_LOOKUP_OPERATIONS } from "./ec2Parameters.js";

let everything: Record<string, string[]> | undefined;

function allOperations(): Record<string, string[]> {
  if (everything) return everything;
  const out: Record<string, Set<string>> = { ec2: new Set([...EC2_LOOKUP_OPERATIONS, "DescribeAvailabilityZones"]) };
  for (const type of knownTypes()) {
    for (const [service, ops] of Object.entries(providerFor(type)!.operations)) for (const op of ops) (out[service] ??= new Set()).add(op);
  }
  return (everything = Object.fromEntries(Object.entries(out).map(([s, ops]) => [s, [...ops]])));
}

/** Loads every operation any resource type calls; a promise only the first time. */
export function loadPeers(ctx: CloudFormationContext): Promise<void> | undefined {
  const pending = Object.entries(allOperations())
    .map(([service, ops]) => ctx.backend.peers.client.load(service, ops))
    .filter((p): p is Promise<void> => p !== undefined);
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}
