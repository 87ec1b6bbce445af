// What a VPC comes with, as AWS makes it: a main route table with the `local` route, a default
// network ACL and a `default` security group with its rules. The default VPC also has an internet
// gateway and a main route to it; its companions have the same ids in every run.
import type { Ec2State } from "../context.js";
import { ec2Id, stableId } from "./ids.js";
import { addDefaultAcl, removeVpcAcls } from "./networkAcls.js";
import { defaultGroupFor, defaultSecurityGroupId, defaultVpc, groupByName } from "./network.js";
import { mainRouteTable, newAssociation, newRouteTable } from "./routeTables.js";
import { addInitialRules, removeGroupRules } from "./sgRules.js";

/** A new VPC's main route table, default network ACL and default security group (CreateVpc). */
export function addVpcCompanions(state: Ec2State, vpcId: string, cidr: string): void {
  const table = newRouteTable(state, ec2Id(state.ids, "rtb"), vpcId, cidr);
  table.associations.push(newAssociation(table.id, ec2Id(state.ids, "rtbassoc"), { Main: true }));
  addDefaultAcl(state, ec2Id(state.ids, "acl"), vpcId);
  const sgId = ec2Id(state.ids, "sg");
  const group = defaultGroupFor(state, vpcId, sgId);
  state.securityGroups.set(sgId, group);
  addInitialRules(state, group, false);
}

/** The default VPC's internet gateway, main route table (with `0.0.0.0/0` to the gateway), ACL and group rules. */
export function seedNetworkDefaults(state: Ec2State): void {
  const vpc = defaultVpc(state);
  if (!vpc) return;
  const { accountId, region } = state;
  const vpcId = vpc.vpc.VpcId!;
  const igwId = stableId("igw", accountId, region, vpcId);
  state.internetGateways.set(igwId, { id: igwId, vpcId });
  const table = newRouteTable(state, stableId("rtb", accountId, region, vpcId), vpcId, vpc.vpc.CidrBlock!);
  table.routes.push({ DestinationCidrBlock: "0.0.0.0/0", GatewayId: igwId, Origin: "CreateRoute" });
  table.associations.push(newAssociation(table.id, stableId("rtbassoc", accountId, region, vpcId), { Main: true }));
  addDefaultAcl(state, stableId("acl", accountId, region, vpcId), vpcId);
  const group = state.securityGroups.get(defaultSecurityGroupId(accountId, region, vpcId));
  if (group) addInitialRules(state, group, true);
}

/** DeleteVpc takes the main route table, the default ACL and the default group with it. */
export function removeVpcCompanions(state: Ec2State, vpcId: string): void {
  const main = mainRouteTable(state, vpcId);
  if (main) {
    state.routeTables.delete(main.id);
    state.tags.delete(main.id);
  }
  removeVpcAcls(state, vpcId);
  const group = groupByName(state, vpcId, "default");
  if (group) {
    removeGroupRules(state, group.GroupId!);
    state.securityGroups.delete(group.GroupId!);
    state.tags.delete(group.GroupId!);
  }
}

/** What keeps a VPC from going, besides subnets, groups and instances: an attached gateway, a table of its own, a NAT gateway. */
export function vpcHasNetworkDependents(state: Ec2State, vpcId: string): boolean {
  for (const g of state.internetGateways.values()) if (g.vpcId === vpcId) return true;
  for (const t of state.routeTables.values()) if (t.vpcId === vpcId && !t.associations.some((a) => a.Main)) return true;
  for (const n of state.natGateways.values()) if (n.nat.VpcId === vpcId && n.nat.State !== "deleted" && n.nat.State !== "failed") return true;
  return false;
}

/** A deleted subnet's route table association goes with it (its ACL association is worked out from the subnets). */
export function dropSubnetAssociation(state: Ec2State, subnetId: string): void {
  for (const t of state.routeTables.values()) t.associations = t.associations.filter((a) => a.SubnetId !== subnetId);
}
