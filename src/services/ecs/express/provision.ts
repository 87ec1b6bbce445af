// CreateExpressGatewayService's work once everything is checked: the default cluster if missing, the
// log group, the shared load balancer, the service's certificate, target groups, rule and security
// group, its task definition, the ECS service behind the rule, and its scalable target and policy.
import type { EcsContext } from "../context.js";
import type { ExpressGatewayServiceConfiguration, Tag } from "../generated/types.js";
import type { ClusterRecord, ServiceRecord } from "../store.js";
import { registerTaskDefinition } from "../operations/registerTaskDefinition.js";
import { createService } from "../operations/createService.js";
import { CONTAINER_NAME, METRICS, taskDefinitionInput } from "./config.js";
import { certificateArn, ensureGateway, takePriority } from "./gateway.js";
import type { Placement } from "./network.js";
import { logGroupName, policyName, serviceGroupName, targetGroupName } from "./names.js";
import { MANAGED_TAGS, provision } from "./peers.js";
import type { ExpressGateway, ExpressRecord, Made } from "./types.js";

const made = (arn: string, now: number): Made => ({ arn, status: "ACTIVE", updatedAt: now });

function targetGroup(ctx: EcsContext, p: Placement, c: ExpressGatewayServiceConfiguration): ExpressRecord["targetGroups"][number] {
  const port = c.primaryContainer!.containerPort!;
  const tg = provision(ctx, "elbv2", "CreateTargetGroup", { Name: targetGroupName(ctx), Protocol: "HTTP", Port: port, VpcId: p.vpcId, TargetType: "ip", HealthCheckProtocol: "HTTP", HealthCheckPath: c.healthCheckPath, Tags: MANAGED_TAGS }).TargetGroups[0];
  return { ...made(tg.TargetGroupArn, ctx.now()), port, healthCheckPath: c.healthCheckPath! };
}

/** Tasks may come in on the container port from the load balancer's group, and from nothing else. */
function serviceSecurityGroup(ctx: EcsContext, p: Placement, g: ExpressGateway, service: string, port: number): string {
  const { GroupId } = provision(ctx, "ec2", "CreateSecurityGroup", { GroupName: serviceGroupName(ctx, service), Description: "Managed by Amazon ECS Express Mode", VpcId: p.vpcId, TagSpecifications: [{ ResourceType: "security-group", Tags: MANAGED_TAGS }] });
  provision(ctx, "ec2", "AuthorizeSecurityGroupIngress", { GroupId, IpPermissions: [{ IpProtocol: "tcp", FromPort: port, ToPort: port, UserIdGroupPairs: [{ GroupId: g.securityGroup.arn }] }] });
  return GroupId;
}

export interface Provisioned {
  targetGroups: ExpressRecord["targetGroups"];
  rule: ExpressRecord["rule"];
  certificate: ExpressRecord["certificate"];
  gateway: ExpressGateway;
  serviceSecurityGroup?: Made;
}

/** The gateway, certificate, target groups, rule and security group of a new service. */
export function provisionIngress(ctx: EcsContext, p: Placement, service: string, host: string, c: ExpressGatewayServiceConfiguration): Provisioned {
  const now = ctx.now();
  const certificate = { ...made(certificateArn(ctx), now), domainName: host };
  const gateway = ensureGateway(ctx, p, certificate.arn);
  const targetGroups = [targetGroup(ctx, p, c), targetGroup(ctx, p, c)];
  const priority = takePriority(gateway);
  const rule = provision(ctx, "elbv2", "CreateRule", {
    ListenerArn: gateway.listener.arn,
    Priority: priority,
    Conditions: [{ Field: "host-header", HostHeaderConfig: { Values: [host] } }],
    Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroups[0].arn, Weight: 100 }, { TargetGroupArn: targetGroups[1].arn, Weight: 0 }] } }],
  }).Rules[0];
  const sg = p.securityGroups ? undefined : serviceSecurityGroup(ctx, p, gateway, service, c.primaryContainer!.containerPort!);
  return { targetGroups, rule: { ...made(rule.RuleArn, now), priority }, certificate, gateway, ...(sg ? { serviceSecurityGroup: made(sg, now) } : {}) };
}

/** The log group ECS makes when the request names none; undefined when the request named one. */
export function provisionLogGroup(ctx: EcsContext, cluster: string, service: string, named: string | undefined): (Made & { name: string }) | undefined {
  if (named !== undefined) return undefined;
  const name = logGroupName(ctx, cluster, service);
  provision(ctx, "logs", "CreateLogGroup", { logGroupName: name });
  return { arn: `arn:aws:logs:${ctx.state.region}:${ctx.state.accountId}:log-group:${name}`, status: "ACTIVE", updatedAt: ctx.now(), name };
}

/** The revision a configuration runs, registered as any task definition is. */
export function registerRevision(ctx: EcsContext, family: string, c: ExpressGatewayServiceConfiguration): string {
  return (registerTaskDefinition(taskDefinitionInput(family, c, ctx.state.region), ctx) as { taskDefinition: { taskDefinitionArn: string } }).taskDefinition.taskDefinitionArn;
}

/** The ECS service behind the rule: Fargate, ECS-managed, a canary deployment configuration. */
export function provisionService(ctx: EcsContext, rec: ClusterRecord, name: string, td: string, p: Placement, c: ExpressGatewayServiceConfiguration, targetGroup: string, sg: string | undefined, tags: Tag[] | undefined): ServiceRecord {
  createService(
    {
      cluster: rec.cluster.clusterArn,
      serviceName: name,
      taskDefinition: td,
      desiredCount: c.scalingTarget!.minTaskCount,
      launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: p.subnets, securityGroups: p.securityGroups ?? [sg!], assignPublicIp: p.accessType === "PUBLIC" ? "ENABLED" : "DISABLED" } },
      loadBalancers: [{ targetGroupArn: targetGroup, containerName: CONTAINER_NAME, containerPort: c.primaryContainer!.containerPort }],
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        strategy: "CANARY",
        canaryConfiguration: CANARY,
        bakeTimeInMinutes: 0,
      },
      ...(tags?.length ? { tags } : {}),
    },
    ctx,
  );
  const sr = rec.services.get(name)!;
  sr.service.resourceManagementType = "ECS";
  return sr;
}

/** The model's defaults for a canary: 5 % of the traffic for 10 minutes. */
export const CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 10 };

/** The scalable target and target tracking policy of the service's configuration. */
export function provisionScaling(ctx: EcsContext, cluster: string, name: string, c: ExpressGatewayServiceConfiguration, labels: { loadBalancer: string; targetGroup: string }): Pick<ExpressRecord, "scalableTarget" | "policy"> {
  const now = ctx.now();
  const s = c.scalingTarget!;
  const resource = { ServiceNamespace: "ecs", ResourceId: `service/${cluster}/${name}`, ScalableDimension: "ecs:service:DesiredCount" };
  const target = provision(ctx, "application-autoscaling", "RegisterScalableTarget", { ...resource, MinCapacity: s.minTaskCount, MaxCapacity: s.maxTaskCount });
  const metric = METRICS[s.autoScalingMetric!];
  const label = metric === "ALBRequestCountPerTarget" ? { ResourceLabel: resourceLabel(labels) } : {};
  const policy = provision(ctx, "application-autoscaling", "PutScalingPolicy", {
    ...resource,
    PolicyName: policyName(name),
    PolicyType: "TargetTrackingScaling",
    TargetTrackingScalingPolicyConfiguration: { TargetValue: s.autoScalingTargetValue, PredefinedMetricSpecification: { PredefinedMetricType: metric, ...label } },
  });
  return {
    scalableTarget: { arn: target.ScalableTargetARN, status: "ACTIVE", updatedAt: now, minCapacity: s.minTaskCount!, maxCapacity: s.maxTaskCount! },
    policy: { arn: policy.PolicyARN, status: "ACTIVE", updatedAt: now, metric, targetValue: s.autoScalingTargetValue!, policyName: policyName(name) },
  };
}

/** app/<load balancer>/<id>/targetgroup/<target group>/<id>, from the two ARNs. */
function resourceLabel(l: { loadBalancer: string; targetGroup: string }): string {
  return `${l.loadBalancer.split(":loadbalancer/")[1]}/${l.targetGroup.split(":").pop()}`;
}
