// Express Gateway services: one call provisions, through each service's own operations, the default
// cluster, a Fargate task definition, the ECS service, the shared load balancer with its HTTPS listener,
// a host-header rule, two target groups, least-privilege security groups, the scalable target and
// policy, and the log group; an update rolls out as a canary on the clock; deletion drains the service
// and removes what it made (the log group stays, as AWS leaves it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeExpressGatewayServiceCommand, ECSClient } from "@aws-sdk/client-ecs";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { DEFAULT_SG, SUBNET_A, SUBNET_B } from "../helpers/fixtures.js";

const ACCOUNT = "000000000000";
const EXEC = `arn:aws:iam::${ACCOUNT}:role/exec`;
const INFRA = `arn:aws:iam::${ACCOUNT}:role/infra`;
let t: TestLocal;
let iam: QueryCaller;
let elb: QueryCaller;
let ec2: QueryCaller;
let aas: JsonCalls;
let logs: CloudWatchLogsClient;
let sdk: ECSClient;
beforeAll(async () => {
  t = await startLocal();
  iam = queryCaller(t, "iam");
  elb = queryCaller(t, "elbv2");
  ec2 = queryCaller(t, "ec2");
  aas = jsonCalls(t, "application-autoscaling");
  const c = { endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
  logs = new CloudWatchLogsClient(c);
  sdk = new ECSClient(c);
});
afterAll(() => t.close());
beforeEach(async () => {
  t.local.reset();
  const trust = (s: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: s }, Action: "sts:AssumeRole" }] });
  await iam.call("CreateRole", { RoleName: "exec", AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com") });
  await iam.call("CreateRole", { RoleName: "infra", AssumeRolePolicyDocument: trust("ecs.amazonaws.com") });
});

const create = (serviceName: string, extra: Record<string, unknown> = {}) =>
  t.ecs("CreateExpressGatewayService", { executionRoleArn: EXEC, infrastructureRoleArn: INFRA, serviceName, primaryContainer: { image: "public.ecr.aws/nginx/nginx:1.28" }, ...extra });
const describeX = async (serviceArn: string) => (await t.ecs("DescribeExpressGatewayService", { serviceArn })).service!;
const groups = async () => (await ec2.call("DescribeSecurityGroups", {})).SecurityGroups.map((g: any) => g.GroupName).sort();
const weights = async (ruleArn: string) => (await elb.call("DescribeRules", { RuleArns: [ruleArn] })).Rules[0].Actions[0].ForwardConfig.TargetGroups.map((g: any) => g.Weight);

describe("CreateExpressGatewayService", () => {
  it("provisions everything through each service's own operations, visible there, and answers the service with ECS's defaults", async () => {
    const { service } = await create("web", { tags: [{ key: "team", value: "shop" }] });
    const host = service!.activeConfigurations![0].ingressPaths![0].endpoint!.slice("https://".length);
    expect(service).toEqual({
      cluster: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/default`,
      serviceName: "web",
      serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/web`,
      infrastructureRoleArn: INFRA,
      status: { statusCode: "ACTIVE" },
      currentDeployment: expect.stringMatching(/:service-deployment\/default\/web\//),
      activeConfigurations: [
        {
          serviceRevisionArn: expect.stringMatching(/:service-revision\/default\/web\/\d+$/),
          executionRoleArn: EXEC,
          cpu: "256",
          memory: "512",
          networkConfiguration: { subnets: expect.arrayContaining([SUBNET_A, SUBNET_B]), securityGroups: [expect.stringMatching(/^sg-/)] },
          healthCheckPath: "/ping",
          primaryContainer: { image: "public.ecr.aws/nginx/nginx:1.28", containerPort: 80, awsLogsConfiguration: { logGroup: expect.stringMatching(/^\/aws\/ecs\/default\/web-[0-9a-f]{4}$/), logStreamPrefix: "ecs" } },
          scalingTarget: { minTaskCount: 1, maxTaskCount: 20, autoScalingMetric: "AVERAGE_CPU", autoScalingTargetValue: 60 },
          ingressPaths: [{ accessType: "PUBLIC", endpoint: expect.stringMatching(/^https:\/\/we-[0-9a-f]{32}\.ecs\.us-east-1\.on\.aws$/) }],
        },
      ],
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    });
    const config = service!.activeConfigurations![0];
    t.advance(0);
    // ELBv2: the shared load balancer, its HTTPS listener, the host-header rule and two target groups.
    const [lb] = (await elb.call("DescribeLoadBalancers", {})).LoadBalancers;
    expect([lb.LoadBalancerName, lb.Scheme, lb.Type]).toEqual([expect.stringMatching(/^ecs-express-gateway-alb-[0-9a-f]{8}$/), "internet-facing", "application"]);
    const [listener] = (await elb.call("DescribeListeners", { LoadBalancerArn: lb.LoadBalancerArn })).Listeners;
    expect([listener.Protocol, listener.Port, listener.Certificates[0].CertificateArn]).toEqual(["HTTPS", 443, expect.stringMatching(/^arn:aws:acm:us-east-1:000000000000:certificate\//)]);
    const rule = (await elb.call("DescribeRules", { ListenerArn: listener.ListenerArn })).Rules.find((r: any) => !r.IsDefault);
    expect(rule.Conditions[0]).toMatchObject({ Field: "host-header", HostHeaderConfig: { Values: [host] } });
    expect(rule.Actions[0].ForwardConfig.TargetGroups.map((g: any) => g.Weight)).toEqual([100, 0]);
    const tgs = (await elb.call("DescribeTargetGroups", {})).TargetGroups;
    const health = async (tg: string) => (await elb.call("DescribeTargetHealth", { TargetGroupArn: tg })).TargetHealthDescriptions.map((d: any) => [d.Target.Port, d.TargetHealth.State]);
    expect([await health(tgs[0].TargetGroupArn), await health(tgs[1].TargetGroupArn)]).toEqual([[[80, "healthy"]], []]);
    expect(tgs.map((g: any) => [g.TargetType, g.Port, g.HealthCheckPath, g.VpcId === lb.VpcId])).toEqual(Array(2).fill(["ip", 80, "/ping", true]));
    // EC2: HTTPS from anywhere to the load balancer; the container port from the load balancer only.
    const sgs = (await ec2.call("DescribeSecurityGroups", {})).SecurityGroups;
    const lbSg = sgs.find((g: any) => g.GroupId === lb.SecurityGroups[0]);
    expect(lbSg.IpPermissions.map((p: any) => [p.FromPort, p.IpRanges.map((r: any) => r.CidrIp)])).toEqual([[443, ["0.0.0.0/0"]]]);
    const svcSg = sgs.find((g: any) => g.GroupId === config.networkConfiguration!.securityGroups![0]);
    expect(svcSg.IpPermissions.map((p: any) => [p.FromPort, p.UserIdGroupPairs.map((u: any) => u.GroupId)])).toEqual([[80, [lbSg.GroupId]]]);
    // ECS's tag on what it manages, as users filter them.
    const ecsTag = [{ Key: "AmazonECSManaged", Value: "true" }];
    expect([lbSg.Tags, svcSg.Tags]).toEqual([ecsTag, ecsTag]);
    const described = (await elb.call("DescribeTags", { ResourceArns: [lb.LoadBalancerArn, tgs[0].TargetGroupArn] })).TagDescriptions;
    expect(described.map((d: any) => d.Tags)).toEqual([ecsTag, ecsTag]);
    // Logs, Application Auto Scaling.
    const logGroup = config.primaryContainer!.awsLogsConfiguration!.logGroup!;
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroup }))).logGroups!.map((g) => g.logGroupName)).toEqual([logGroup]);
    const [target] = (await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets;
    expect([target.ResourceId, target.MinCapacity, target.MaxCapacity]).toEqual(["service/default/web", 1, 20]);
    const [policy] = (await aas.call("DescribeScalingPolicies", { ServiceNamespace: "ecs" })).ScalingPolicies;
    expect([policy.PolicyType, policy.TargetTrackingScalingPolicyConfiguration.TargetValue, policy.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType]).toEqual([
      "TargetTrackingScaling",
      60,
      "ECSServiceAverageCPUUtilization",
    ]);
    // ECS: the default cluster, the task definition, the service behind the rule, running.
    const [svc] = (await t.ecs("DescribeServices", { cluster: "default", services: ["web"] })).services!;
    expect([svc.resourceManagementType, svc.runningCount, svc.launchType, svc.loadBalancers![0].targetGroupArn, svc.deploymentConfiguration!.strategy]).toEqual(["ECS", 1, "FARGATE", tgs[0].TargetGroupArn, "CANARY"]);
    const { taskDefinition: td } = await t.ecs("DescribeTaskDefinition", { taskDefinition: svc.taskDefinition! });
    expect([td!.family, td!.cpu, td!.memory, td!.networkMode, td!.containerDefinitions![0].name, td!.containerDefinitions![0].portMappings![0].containerPort]).toEqual(["web", "256", "512", "awsvpc", "Main", 80]);
    expect(td!.containerDefinitions![0].logConfiguration).toEqual({ logDriver: "awslogs", options: { "awslogs-group": logGroup, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" } });
    // The revision shows what ECS manages for the service; DescribeExpressGatewayService the tags when asked.
    const [rev] = (await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: [config.serviceRevisionArn!] })).serviceRevisions!;
    const managed = rev.ecsManagedResources!;
    expect([managed.ingressPaths![0].loadBalancer!.arn, managed.ingressPaths![0].rule!.arn, managed.ingressPaths![0].certificate!.domainName, managed.logGroups![0].logGroupName, managed.autoScaling!.scalableTarget!.maxCapacity]).toEqual([
      lb.LoadBalancerArn,
      rule.RuleArn,
      host,
      logGroup,
      20,
    ]);
    const seen = await sdk.send(new DescribeExpressGatewayServiceCommand({ serviceArn: service!.serviceArn!, include: ["TAGS"] }));
    expect([seen.service!.status!.statusCode, seen.service!.currentDeployment, seen.service!.tags]).toEqual(["ACTIVE", undefined, [{ key: "team", value: "shop" }]]);
  });

  it("shares the load balancer between services of a VPC, a rule each", async () => {
    await create("web");
    await create("api", { primaryContainer: { image: "api", containerPort: 8080 }, healthCheckPath: "/health", cpu: "1024", memory: "2048" });
    t.advance(0);
    const lbs = (await elb.call("DescribeLoadBalancers", {})).LoadBalancers;
    expect(lbs).toHaveLength(1);
    const [listener] = (await elb.call("DescribeListeners", { LoadBalancerArn: lbs[0].LoadBalancerArn })).Listeners;
    expect((await elb.call("DescribeRules", { ListenerArn: listener.ListenerArn })).Rules.filter((r: any) => !r.IsDefault).map((r: any) => r.Priority)).toEqual(["1", "2"]);
    expect((await elb.call("DescribeTargetGroups", {})).TargetGroups.map((g: any) => [g.Port, g.HealthCheckPath])).toEqual([
      [80, "/ping"],
      [80, "/ping"],
      [8080, "/health"],
      [8080, "/health"],
    ]);
  });

  it("refuses what ECS refuses, making nothing", async () => {
    const before = await groups();
    expect(await t.ecsError("CreateExpressGatewayService", { executionRoleArn: EXEC, infrastructureRoleArn: INFRA, cluster: "nope", primaryContainer: { image: "x" } })).toMatchObject({ code: "ClusterNotFoundException" });
    expect(await t.ecsError("CreateExpressGatewayService", { executionRoleArn: EXEC, infrastructureRoleArn: `arn:aws:iam::${ACCOUNT}:role/none`, primaryContainer: { image: "x" } })).toMatchObject({
      code: "AccessDeniedException",
      message: `Cannot assume role arn:aws:iam::${ACCOUNT}:role/none.`,
    });
    expect(await t.ecsError("CreateExpressGatewayService", { executionRoleArn: EXEC, infrastructureRoleArn: INFRA, primaryContainer: { image: "x" }, cpu: "256", memory: "4096" })).toMatchObject({ code: "ClientException" });
    expect(await t.ecsError("CreateExpressGatewayService", { executionRoleArn: EXEC, infrastructureRoleArn: INFRA, primaryContainer: { image: "x" }, networkConfiguration: { subnets: [SUBNET_A] } })).toMatchObject({
      code: "InvalidParameterException",
      message: "At least two subnets in two different Availability Zones must be specified",
    });
    expect((await elb.call("DescribeLoadBalancers", {})).LoadBalancers).toEqual([]);
    expect(await groups()).toEqual(before);
    expect((await t.ecs("ListClusters", {})).clusterArns).toEqual([]);
    await create("web");
    expect(await t.ecsError("CreateExpressGatewayService", { executionRoleArn: EXEC, infrastructureRoleArn: INFRA, serviceName: "web", primaryContainer: { image: "x" } })).toMatchObject({ code: "InvalidParameterException" });
    expect(await t.ecsError("DescribeExpressGatewayService", { serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/none` })).toEqual({ status: 400, code: "ResourceNotFoundException", message: "Resource not found" });
  });

  it("makes a private load balancer for subnets without public addresses, reachable from the VPC only", async () => {
    const vpc = (await ec2.call("CreateVpc", { CidrBlock: "10.20.0.0/16" })).Vpc.VpcId;
    const a = (await ec2.call("CreateSubnet", { VpcId: vpc, CidrBlock: "10.20.1.0/24", AvailabilityZone: "us-east-1a" })).Subnet.SubnetId;
    const b = (await ec2.call("CreateSubnet", { VpcId: vpc, CidrBlock: "10.20.2.0/24", AvailabilityZone: "us-east-1b" })).Subnet.SubnetId;
    const { service } = await create("internal", { networkConfiguration: { subnets: [a, b] } });
    expect(service!.activeConfigurations![0].ingressPaths![0].accessType).toBe("PRIVATE");
    const [lb] = (await elb.call("DescribeLoadBalancers", {})).LoadBalancers;
    expect(lb.Scheme).toBe("internal");
    const lbSg = (await ec2.call("DescribeSecurityGroups", { GroupIds: lb.SecurityGroups })).SecurityGroups[0];
    expect(lbSg.IpPermissions[0].IpRanges.map((r: any) => r.CidrIp)).toEqual(["10.20.0.0/16"]);
  });
});

describe("UpdateExpressGatewayService", () => {
  it("rolls a new revision out as a canary: its tasks start beside the old, take 5 % of the traffic for 10 minutes, then all of it", async () => {
    const { service } = await create("web", { networkConfiguration: { subnets: [SUBNET_A, SUBNET_B], securityGroups: [DEFAULT_SG] } });
    t.advance(0);
    const arn = service!.serviceArn!;
    const { ecsManagedResources } = (await t.ecs("DescribeServiceRevisions", { serviceRevisionArns: [service!.activeConfigurations![0].serviceRevisionArn!] })).serviceRevisions![0];
    const ruleArn = ecsManagedResources!.ingressPaths![0].rule!.arn!;
    const { service: updated } = await t.ecs("UpdateExpressGatewayService", { serviceArn: arn, primaryContainer: { image: "public.ecr.aws/nginx/nginx:1.29" } });
    expect(Object.keys(updated!).sort()).toEqual(["cluster", "createdAt", "serviceArn", "serviceName", "status", "targetConfiguration", "updatedAt"]);
    expect([updated!.targetConfiguration!.primaryContainer!.image, updated!.targetConfiguration!.networkConfiguration!.securityGroups]).toEqual(["public.ecr.aws/nginx/nginx:1.29", [DEFAULT_SG]]);
    // With instant timings the new tasks run at once: the canary share is what the next request sees.
    let seen = await describeX(arn);
    expect(seen.activeConfigurations!.map((c) => c.primaryContainer!.image)).toEqual(["public.ecr.aws/nginx/nginx:1.28", "public.ecr.aws/nginx/nginx:1.29"]);
    expect(seen.currentDeployment).toMatch(/:service-deployment\//);
    expect(await weights(ruleArn)).toEqual([95, 5]);
    const running = async () => (await t.ecs("DescribeServices", { cluster: "default", services: ["web"] })).services![0].runningCount;
    expect(await running()).toBe(2);
    t.advance(10 * 60_000 - 1);
    expect(await weights(ruleArn)).toEqual([95, 5]);
    t.advance(1);
    expect(await weights(ruleArn)).toEqual([0, 100]);
    t.advance(10 * 60_000);
    seen = await describeX(arn);
    expect([seen.activeConfigurations!.map((c) => c.primaryContainer!.image), seen.currentDeployment, await running()]).toEqual([["public.ecr.aws/nginx/nginx:1.29"], undefined, 1]);
    const deployments = (await t.ecs("ListServiceDeployments", { cluster: "default", service: "web" })).serviceDeployments!;
    expect(deployments.map((d) => d.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
  });

  it("changes only the scalable target when only scaling changes", async () => {
    const { service } = await create("web");
    t.advance(0);
    await t.ecs("UpdateExpressGatewayService", { serviceArn: service!.serviceArn!, scalingTarget: { minTaskCount: 2, maxTaskCount: 4 } });
    t.advance(0);
    const [target] = (await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets;
    expect([target.MinCapacity, target.MaxCapacity]).toEqual([2, 4]);
    expect((await describeX(service!.serviceArn!)).activeConfigurations!.map((c) => c.scalingTarget!.maxTaskCount)).toEqual([4]);
    expect((await t.ecs("ListServiceDeployments", { cluster: "default", service: "web" })).serviceDeployments).toHaveLength(1);
    expect((await t.ecs("DescribeServices", { cluster: "default", services: ["web"] })).services![0].runningCount).toBe(2);
  });
});

describe("DeleteExpressGatewayService", () => {
  it("drains the service, then removes what ECS made; the shared load balancer goes with its last service", async () => {
    const before = await groups();
    const web = (await create("web")).service!.serviceArn!;
    const api = (await create("api")).service!.serviceArn!;
    t.advance(0);
    const logGroup = (await describeX(web)).activeConfigurations![0].primaryContainer!.awsLogsConfiguration!.logGroup!;
    const deleting = (await t.ecs("DeleteExpressGatewayService", { serviceArn: web })).service!;
    expect(deleting.status).toEqual({ statusCode: "DRAINING" });
    t.advance(10 * 60_000);
    expect((await describeX(web)).status).toEqual({ statusCode: "INACTIVE" });
    expect(await t.ecsError("DeleteExpressGatewayService", { serviceArn: web })).toEqual({ status: 400, code: "ServiceNotActiveException", message: "Cannot perform this operation on a service in INACTIVE status" });
    expect((await elb.call("DescribeTargetGroups", {})).TargetGroups).toHaveLength(2);
    expect((await elb.call("DescribeLoadBalancers", {})).LoadBalancers).toHaveLength(1);
    expect((await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets.map((s: any) => s.ResourceId)).toEqual(["service/default/api"]);

    await t.ecs("DeleteExpressGatewayService", { serviceArn: api });
    t.advance(10 * 60_000);
    expect((await elb.call("DescribeLoadBalancers", {})).LoadBalancers).toEqual([]);
    expect((await elb.call("DescribeTargetGroups", {})).TargetGroups).toEqual([]);
    expect(await groups()).toEqual(before);
    expect((await aas.call("DescribeScalableTargets", { ServiceNamespace: "ecs" })).ScalableTargets).toEqual([]);
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroup }))).logGroups!.map((g) => g.logGroupName)).toEqual([logGroup]);
    expect(await t.ecsError("DeleteExpressGatewayService", { serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/default/none` })).toEqual({ status: 400, code: "InvalidParameterException", message: "Resource not found" });
  });
});
