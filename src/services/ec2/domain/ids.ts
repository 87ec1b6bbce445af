// EC2 identifiers: a prefix and 17 hex digits (`vpc-0a1b…`), random, or derived from a seed for the
// resources every account and region has from the start (default VPC, subnets, security group).
import { createHash } from "node:crypto";
import { flat, type IdSource } from "../../../state/ids.js";

export function ec2Id(ids: IdSource, prefix: string): string {
  return flat(`${prefix}-0${ids.bytes(8).toString("hex")}`);
}

/** The same id for the same seed: default resources are the same in every run, so tests and scripts can name them. */
export function stableId(prefix: string, ...seed: string[]): string {
  return `${prefix}-0${createHash("sha256").update(seed.join("/")).digest("hex").slice(0, 16)}`;
}

/** A MAC address in the range EC2 gives interfaces (locally administered, unicast). */
export function macAddress(ids: IdSource): string {
  const b = ids.bytes(6);
  b[0] = (b[0] & 0xfc) | 0x02;
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join(":");
}

/** Images, key pairs, launch templates and volumes. */
const COMPUTE_TYPES: Record<string, string> = { ami: "image", key: "key-pair", lt: "launch-template", vol: "volume" };

/** The routing and addressing resources' id prefixes and types. */
const NETWORK_RESOURCE_TYPES: Record<string, string> = {
  igw: "internet-gateway",
  rtb: "route-table",
  eipalloc: "elastic-ip",
  nat: "natgateway",
  acl: "network-acl",
  sgr: "security-group-rule",
};

/** The resource type an id names, as DescribeTags reports it. */
export function resourceTypeOf(id: string): string | undefined {
  const prefix = id.slice(0, id.indexOf("-"));
  return ({ vpc: "vpc", subnet: "subnet", sg: "security-group", i: "instance", eni: "network-interface", ...NETWORK_RESOURCE_TYPES, ...COMPUTE_TYPES } as Record<string, string>)[prefix];
}
