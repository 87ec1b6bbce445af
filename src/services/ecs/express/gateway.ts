// The application load balancer Express services share in a VPC (one per scheme): its security group
// (HTTPS from the internet, or from the VPC for a private one), the load balancer in the services'
// subnets and its HTTPS listener; the last service to leave takes them all along.
import type { EcsContext } from "../context.js";
import type { ExpressGateway } from "./types.js";
import type { Placement } from "./network.js";
import { MANAGED_TAGS, provision, tryCall } from "./peers.js";

const hex = (ctx: EcsContext, n: number): string => ctx.state.ids.hexId().slice(0, n);

/** The Certificate Manager ARN ECS's managed certificate has (ACM is not served here). */
export const certificateArn = (ctx: EcsContext): string => `arn:aws:acm:${ctx.state.region}:${ctx.state.accountId}:certificate/${ctx.state.ids.uuid()}`;

export const gatewayKey = (p: Placement): string => `${p.vpcId}/${p.accessType === "PUBLIC" ? "internet-facing" : "internal"}`;

function securityGroup(ctx: EcsContext, p: Placement, name: string): string {
  const { GroupId } = provision(ctx, "ec2", "CreateSecurityGroup", { GroupName: name, Description: "Managed by Amazon ECS Express Mode", VpcId: p.vpcId, TagSpecifications: [{ ResourceType: "security-group", Tags: MANAGED_TAGS }] });
  const cidr = p.accessType === "PUBLIC" ? "0.0.0.0/0" : p.vpcCidr;
  provision(ctx, "ec2", "AuthorizeSecurityGroupIngress", { GroupId, IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: cidr, Description: "HTTPS" }] }] });
  return GroupId;
}

/** The VPC's shared load balancer, made on first use with a listener whose certificate is the first service's. */
export function ensureGateway(ctx: EcsContext, p: Placement, firstCertificate: string): ExpressGateway {
  const key = gatewayKey(p);
  const found = ctx.state.expressGateways.get(key);
  if (found) return found;
  const now = ctx.now();
  const name = `ecs-express-gateway-alb-${hex(ctx, 8)}`;
  const sg = securityGroup(ctx, p, name);
  const scheme = p.accessType === "PUBLIC" ? "internet-facing" : "internal";
  const lb = provision(ctx, "elbv2", "CreateLoadBalancer", { Name: name, Subnets: p.subnets, SecurityGroups: [sg], Scheme: scheme, Type: "application", IpAddressType: "ipv4", Tags: MANAGED_TAGS }).LoadBalancers[0];
  const listener = provision(ctx, "elbv2", "CreateListener", {
    LoadBalancerArn: lb.LoadBalancerArn,
    Protocol: "HTTPS",
    Port: 443,
    Certificates: [{ CertificateArn: firstCertificate }],
    DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "Not Found" } }],
  }).Listeners[0];
  const g: ExpressGateway = {
    key,
    vpcId: p.vpcId,
    scheme,
    loadBalancer: { arn: lb.LoadBalancerArn, status: "ACTIVE", updatedAt: now, name, subnets: [...p.subnets] },
    securityGroup: { arn: sg, status: "ACTIVE", updatedAt: now },
    listener: { arn: listener.ListenerArn, status: "ACTIVE", updatedAt: now },
    services: [],
    priorities: [],
  };
  ctx.state.expressGateways.set(key, g);
  return g;
}

/** The lowest rule priority free on the gateway's listener. */
export function takePriority(g: ExpressGateway): number {
  let p = 1;
  while (g.priorities.includes(p)) p++;
  g.priorities.push(p);
  return p;
}

/** A service left: with none left, the listener, the load balancer and its security group go. */
export function leaveGateway(ctx: EcsContext, g: ExpressGateway, serviceArn: string, priority: number | undefined): void {
  g.services = g.services.filter((s) => s !== serviceArn);
  g.priorities = g.priorities.filter((p) => p !== priority);
  if (g.services.length) return;
  const now = ctx.now();
  tryCall(ctx, "elbv2", "DeleteListener", { ListenerArn: g.listener.arn });
  tryCall(ctx, "elbv2", "DeleteLoadBalancer", { LoadBalancerArn: g.loadBalancer.arn });
  tryCall(ctx, "ec2", "DeleteSecurityGroup", { GroupId: g.securityGroup.arn });
  for (const m of [g.listener, g.loadBalancer, g.securityGroup]) Object.assign(m, { status: "DELETED", updatedAt: now });
  ctx.state.expressGateways.delete(g.key);
}
