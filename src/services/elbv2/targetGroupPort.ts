// The port ECS uses (peers.elbv2.targets): the same registration and health as RegisterTargets,
// DeregisterTargets and DescribeTargetHealth, without going through the wire.
import type { Elbv2Backend } from "./context.js";
import type { TargetGroupPort } from "./port.js";
import { ec2Network } from "./domain/network.js";
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
      if (!rec) return;
      // ECS registers what its container instances report: an instance target is taken as running
      // (an instance registered through RegisterContainerInstance may have no EC2 instance behind it);
      // an ip target takes its subnet's zone, as RegisterTargets gives it.
      const net = ec2Network(backend.peers, accountId, region);
      const described = targets.map((t) => {
        const zone = rec.tg.TargetType === "ip" && rec.tg.VpcId ? net.subnetHolding(rec.tg.VpcId, t.id)?.availabilityZone : undefined;
        return { Id: t.id, Port: t.port, ...(zone ? { AvailabilityZone: zone } : {}) };
      });
      register(backend, state, rec, described, changed);
    },
    deregister(accountId, region, arn, targets) {
      const { state, rec } = group(accountId, region, arn);
      return rec ? deregister(backend, state, rec, targets.map((t) => ({ Id: t.id, Port: t.port }))) : 0;
    },
    health(accountId, region, arn, target) {
      const { rec } = group(accountId, region, arn);
      const t = rec?.targets.get(targetKey(target.id, target.port));
      return t ? { ...t.health } : undefined;
    },
    healthy(accountId, region, arn, target) {
      const { rec } = group(accountId, region, arn);
      return rec?.targets.get(targetKey(target.id, target.port))?.health.State === "healthy";
    },
  };
}
