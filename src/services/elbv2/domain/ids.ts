// ELBv2's identifiers: ARNs with a 16-hex id, and the DNS names load balancers answer on.
import type { IdSource } from "../../../state/ids.js";
import type { Elbv2State } from "../context.js";

export function hex16(ids: IdSource): string {
  return ids.bytes(8).toString("hex");
}

function prefix(state: Elbv2State): string {
  return `arn:aws:elasticloadbalancing:${state.region}:${state.accountId}`;
}

/** `app` for an Application Load Balancer, `net` for a Network one, `gwy` for a Gateway one. */
export function typeSegment(type: string | undefined): string {
  return type === "network" ? "net" : type === "gateway" ? "gwy" : "app";
}

export function loadBalancerArn(state: Elbv2State, type: string, name: string): string {
  return `${prefix(state)}:loadbalancer/${typeSegment(type)}/${name}/${hex16(state.ids)}`;
}

export function targetGroupArn(state: Elbv2State, name: string): string {
  return `${prefix(state)}:targetgroup/${name}/${hex16(state.ids)}`;
}

/** The listener's ARN continues its load balancer's: `listener/app/<name>/<lb id>/<id>`. */
export function listenerArn(ids: IdSource, lbArn: string): string {
  return `${lbArn.replace(":loadbalancer/", ":listener/")}/${hex16(ids)}`;
}

export function ruleArn(ids: IdSource, listenerArn: string): string {
  return `${listenerArn.replace(":listener/", ":listener-rule/")}/${hex16(ids)}`;
}

/**
 * `<name>-<id>.<region>.elb.amazonaws.com` for an internet-facing ALB, `internal-` in front for an
 * internal one; an NLB's name ends `.elb.<region>.amazonaws.com` after its hex id.
 */
export function dnsName(ids: IdSource, region: string, name: string, type: string, scheme: string): string {
  const internal = scheme === "internal" ? "internal-" : "";
  if (type === "network") return `${internal}${name}-${hex16(ids)}.elb.${region}.amazonaws.com`;
  return `${internal}${name}-${100_000_000 + Math.floor(ids.random() * 2_047_483_647)}.${region}.elb.amazonaws.com`;
}

/** The Route 53 zone of ELB names per region (ALB/CLB and NLB differ); a region not listed gets us-east-1's. */
const HOSTED_ZONES: Record<string, { app: string; net: string }> = {
  "us-east-1": { app: "Z35SXDOTRQ7X7K", net: "Z26RNL4JYFTOTI" },
  "us-east-2": { app: "Z3AADJGX6KTTL2", net: "ZLMOA37VPKANP" },
  "us-west-1": { app: "Z368ELLRRE2KJ0", net: "Z24FKFUX50B4VW" },
  "us-west-2": { app: "Z1H1FL5HABSF5", net: "Z18D5FSROUN65G" },
  "eu-west-1": { app: "Z32O12XQLNTSW2", net: "Z2IFOLAFXWLO4F" },
  "eu-central-1": { app: "Z215JYRZR1TBD5", net: "Z3F0SRJ5LGBH90" },
  "ap-southeast-1": { app: "Z1LMS91P8CMLE5", net: "ZKVM4W9LS7TM" },
  "ap-northeast-1": { app: "Z14GRHDCWA56QT", net: "Z31USIVHYNEOWT" },
};

export function hostedZone(region: string, type: string): string {
  const z = HOSTED_ZONES[region] ?? HOSTED_ZONES["us-east-1"];
  return type === "network" ? z.net : z.app;
}
