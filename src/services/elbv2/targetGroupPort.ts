// The port ECS uses (peers.elbv2.targets): the same registration and health as RegisterTargets,
// DeregisterTargets and DescribeTargetHealth, without going through the wire.
import type { Elbv2Backend } from "./context.js";
import type { TargetGroupPort } from "./port.js";
import { deregister, loadBalancersOf, register, targetKey } from "./domain/targets.js";

export function targetGroupPort(backend: Elbv2Backend): TargetGroupPort {
  const group = (accountId: string, region: string, arn: string) => {
    const state = backend.states.get(accountId, region);
    return { state, rec: state.targetGroups.get(arn) };
  };
  return {
    find(accountId, region, arn) {
      const { state, rec } = group(accountId, region, arn);
      if (!rec) return undefined;
      return { targetGroupArn: arn, targetType: rec.tg.TargetType ?? "instance", hasLoadBalancer: loadBalancersOf(state, arn).length > 0 };
    },
    register(accountId, region, arn, targets, changed) {
      const { state, rec } = group(accountId, region, arn);
      if (rec) register(backend, state, rec, targets.map((t) => ({ Id: t.id, Port: t.port })), changed);
    },
    deregister(accountId, region, arn, targets) {
      const { state, rec } = group(accountId, region, arn);
      return rec ? deregister(backend, state, rec, targets.map((t) => ({ Id: t.id, Port: t.port }))) : 0;
    },
    healthy(accountId, region, arn, target) {
      const { rec } = group(accountId, region, arn);
      return rec?.targets.get(targetKey(target.id, target.port))?.health.State === "healthy";
    },
  };
}
