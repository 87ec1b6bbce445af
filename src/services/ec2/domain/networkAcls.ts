// Network ACLs: the default one each VPC gets, which allows all traffic both ways, and its
// associations (every subnet of the VPC, as no other ACL can be made yet).
import type { Ec2State } from "../context.js";
import type { NetworkAcl, NetworkAclEntry } from "../generated/types.js";
import type { NetworkAclRecord } from "../networkState.js";
import { stableId } from "./ids.js";
import { tagsOf } from "./tags.js";

/** Allow everything, then the catch-all deny (rule 32767) that every ACL ends with; outbound first, as EC2 lists them. */
function defaultEntries(): NetworkAclEntry[] {
  const entries: NetworkAclEntry[] = [];
  for (const egress of [true, false]) {
    entries.push({ CidrBlock: "0.0.0.0/0", Egress: egress, Protocol: "-1", RuleAction: "allow", RuleNumber: 100 });
    entries.push({ CidrBlock: "0.0.0.0/0", Egress: egress, Protocol: "-1", RuleAction: "deny", RuleNumber: 32767 });
  }
  return entries;
}

export function addDefaultAcl(state: Ec2State, id: string, vpcId: string): NetworkAclRecord {
  const rec: NetworkAclRecord = { id, vpcId, isDefault: true, entries: defaultEntries() };
  state.networkAcls.set(id, rec);
  return rec;
}

export function aclView(state: Ec2State, acl: NetworkAclRecord): NetworkAcl {
  const associations = [...state.subnets.values()]
    .filter((s) => s.subnet.VpcId === acl.vpcId)
    .map((s) => ({ NetworkAclAssociationId: stableId("aclassoc", acl.id, s.subnet.SubnetId!), NetworkAclId: acl.id, SubnetId: s.subnet.SubnetId }));
  return {
    Associations: associations,
    Entries: structuredClone(acl.entries),
    IsDefault: acl.isDefault,
    NetworkAclId: acl.id,
    Tags: tagsOf(state, acl.id) ?? [],
    VpcId: acl.vpcId,
    OwnerId: state.accountId,
  };
}

export function removeVpcAcls(state: Ec2State, vpcId: string): void {
  for (const [id, acl] of state.networkAcls) {
    if (acl.vpcId !== vpcId) continue;
    state.networkAcls.delete(id);
    state.tags.delete(id);
  }
}
