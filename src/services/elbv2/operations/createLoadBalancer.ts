import { commonErrors } from "../../../protocol/errors.js";
import { defineTimer } from "../../../engine/timers.js";
import type { Elbv2Context, Handler, LoadBalancerRecord } from "../context.js";
import { DuplicateLoadBalancerNameException } from "../generated/errors.js";
import type { CreateLoadBalancerInput, LoadBalancer } from "../generated/types.js";
import { loadBalancerDefaults } from "../domain/attributes.js";
import { dnsName, hostedZone, loadBalancerArn } from "../domain/ids.js";
import { checkSecurityGroups, ec2Network, resolveSubnets } from "../domain/network.js";
import { addTags, checkNewTags } from "../domain/tags.js";

/** 1–32 letters, digits and hyphens, no hyphen at either end, not starting `internal-`. */
const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

function checkName(name: string): void {
  if (name.length > 32) throw commonErrors.validation(`The load balancer name '${name}' cannot be longer than '32' characters`);
  if (!NAME.test(name)) throw commonErrors.validation(`The load balancer name '${name}' can only contain characters that are alphanumeric characters and hyphens(-)`);
  if (name.startsWith("internal-")) throw commonErrors.validation(`The load balancer name '${name}' cannot begin with 'internal-'`);
}

/** What the request asks for, to tell a repeated create (answered with the same load balancer) from a conflict. */
function sameSettings(lb: LoadBalancer, input: CreateLoadBalancerInput, subnets: string[]): boolean {
  const have = (lb.AvailabilityZones ?? []).map((z) => z.SubnetId).sort();
  return lb.Type === (input.Type ?? "application") && lb.Scheme === (input.Scheme ?? "internet-facing") && JSON.stringify(have) === JSON.stringify([...subnets].sort());
}

/** Starts `provisioning`; the clock makes it `active` after `loadBalancerProvisioningMs`. */
export const createLoadBalancer: Handler<"CreateLoadBalancer"> = (input, ctx: Elbv2Context) => {
  const { state } = ctx;
  const type = input.Type ?? "application";
  if (type === "gateway") throw commonErrors.unsupported("ecs-local does not support gateway load balancers yet.");
  checkName(input.Name);
  if (input.Subnets?.length && input.SubnetMappings?.length) throw commonErrors.validation("You can specify subnets or subnet mappings, not both");
  const subnetIds: string[] = input.Subnets?.length ? input.Subnets : (input.SubnetMappings ?? []).map((m) => m.SubnetId ?? "");
  if (subnetIds.length === 0) throw commonErrors.validation("At least one subnet must be specified");
  const scheme = input.Scheme ?? "internet-facing";
  const existing = [...state.loadBalancers.values()].find((r) => r.lb.LoadBalancerName === input.Name);
  if (existing) {
    if (!sameSettings(existing.lb, input, subnetIds)) throw new DuplicateLoadBalancerNameException(`A load balancer with the same name '${input.Name}' exists, but with different settings`);
    return { LoadBalancers: [structuredClone(existing.lb)] };
  }
  checkNewTags(input.Tags);
  const net = ec2Network(ctx.backend.peers, state.accountId, state.region);
  const subnets = resolveSubnets(net, subnetIds, type);
  const vpcId = subnets[0].vpcId;
  checkSecurityGroups(net, input.SecurityGroups ?? [], vpcId);
  const vpcDefault = net.defaultSecurityGroupId(vpcId);
  // An ALB without groups gets its VPC's default group; an NLB has none unless given some.
  const groups = input.SecurityGroups?.length ? input.SecurityGroups : type === "application" && vpcDefault ? [vpcDefault] : undefined;
  const lb: LoadBalancer = {
    LoadBalancerArn: loadBalancerArn(state, type, input.Name),
    DNSName: dnsName(state.ids, state.region, input.Name, type, scheme),
    CanonicalHostedZoneId: hostedZone(state.region, type),
    CreatedTime: ctx.now(),
    LoadBalancerName: input.Name,
    Scheme: scheme,
    VpcId: vpcId,
    State: { Code: "provisioning" },
    Type: type,
    AvailabilityZones: subnets.map((s) => ({ ZoneName: s.availabilityZone, SubnetId: s.subnetId, LoadBalancerAddresses: [] })),
    ...(groups ? { SecurityGroups: groups } : {}),
    IpAddressType: input.IpAddressType ?? "ipv4",
  };
  const rec: LoadBalancerRecord = { lb, attributes: loadBalancerDefaults(type) };
  state.loadBalancers.set(lb.LoadBalancerArn!, rec);
  addTags(state, lb.LoadBalancerArn!, input.Tags);
  ctx.backend.timeline.callAfter(ctx.backend.config.timings.loadBalancerProvisioningMs, ACTIVE, lb);
  return { LoadBalancers: [structuredClone(lb)] };
};

const ACTIVE = defineTimer("elbv2.loadBalancerActive", (lb: { State?: { Code?: string } }) => {
  if (lb.State?.Code === "provisioning") lb.State = { Code: "active" };
});
