// ELBv2 load balancers, target groups, listeners and rules: shapes, defaults, the clock, AWS's errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeleteTargetGroupCommand, DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client, ResourceInUseException, TargetGroupNotFoundException, waitUntilLoadBalancerAvailable } from "@aws-sdk/client-elastic-load-balancing-v2";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B, SUBNET_C, DEFAULT_SG } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

let t: TestLocal;
let elb: QueryCaller;
beforeAll(async () => {
  t = await startLocal({ timings: { loadBalancerProvisioningMs: 120_000 } as never });
  elb = queryCaller(t, "elbv2");
});
afterAll(async () => t.close());

const SUBNETS = [SUBNET_A, SUBNET_B];
const VPC = defaultVpcId("000000000000", "us-east-1");

describe("CreateLoadBalancer", () => {
  it("creates an ALB provisioning, active once the clock has moved, with AWS's DNS name and defaults", async () => {
    const out = await elb.call("CreateLoadBalancer", { Name: "web", Subnets: SUBNETS, Tags: [{ Key: "env", Value: "lab" }] });
    const lb = out.LoadBalancers[0];
    expect(lb.LoadBalancerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer\/app\/web\/[0-9a-f]{16}$/);
    expect(lb.DNSName).toMatch(/^web-\d+\.us-east-1\.elb\.amazonaws\.com$/);
    expect(lb).toMatchObject({ LoadBalancerName: "web", Scheme: "internet-facing", Type: "application", IpAddressType: "ipv4", State: { Code: "provisioning" }, CanonicalHostedZoneId: "Z35SXDOTRQ7X7K" });
    expect(lb.AvailabilityZones.map((z: any) => z.ZoneName)).toEqual(["us-east-1a", "us-east-1b"]);
    expect(lb.VpcId).toBe(VPC);
    expect(lb.SecurityGroups).toEqual([DEFAULT_SG]);
    const again = await elb.call("DescribeLoadBalancers", { Names: ["web"] });
    expect(again.LoadBalancers[0].State.Code).toBe("provisioning");
    t.advance(120_000);
    const after = await elb.call("DescribeLoadBalancers", { LoadBalancerArns: [lb.LoadBalancerArn] });
    expect(after.LoadBalancers[0].State.Code).toBe("active");
    const tags = await elb.call("DescribeTags", { ResourceArns: [lb.LoadBalancerArn] });
    expect(tags.TagDescriptions[0].Tags).toEqual([{ Key: "env", Value: "lab" }]);
    const attrs = await elb.call("DescribeLoadBalancerAttributes", { LoadBalancerArn: lb.LoadBalancerArn });
    expect(attrs.Attributes).toContainEqual({ Key: "idle_timeout.timeout_seconds", Value: "60" });
  });

  it("creates an internal NLB in one subnet, named as NLBs are", async () => {
    const out = await elb.call("CreateLoadBalancer", { Name: "tcp", Type: "network", Scheme: "internal", Subnets: [SUBNETS[0]] });
    expect(out.LoadBalancers[0].DNSName).toMatch(/^internal-tcp-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$/);
    expect(out.LoadBalancers[0].SecurityGroups).toBeUndefined();
    expect(out.LoadBalancers[0].LoadBalancerArn).toContain(":loadbalancer/net/tcp/");
  });

  it("answers the same ALB for the same request, refuses a different one under the same name", async () => {
    const a = await elb.call("CreateLoadBalancer", { Name: "same", Subnets: SUBNETS });
    const b = await elb.call("CreateLoadBalancer", { Name: "same", Subnets: [...SUBNETS].reverse() });
    expect(b.LoadBalancers[0].LoadBalancerArn).toBe(a.LoadBalancers[0].LoadBalancerArn);
    const e = await elb.error("CreateLoadBalancer", { Name: "same", Subnets: SUBNETS, Scheme: "internal" });
    expect(e).toMatchObject({ code: "DuplicateLoadBalancerName", message: "A load balancer with the same name 'same' exists, but with different settings" });
  });

  it("refuses one subnet for an ALB, bad names and subnet ids, and stores nothing", async () => {
    expect((await elb.error("CreateLoadBalancer", { Name: "one", Subnets: [SUBNETS[0]] })).message).toBe("At least two subnets in two different Availability Zones must be specified");
    expect((await elb.error("CreateLoadBalancer", { Name: "-bad", Subnets: SUBNETS })).code).toBe("ValidationError");
    expect((await elb.error("CreateLoadBalancer", { Name: "sub", Subnets: ["subnet-nothex!", SUBNETS[1]] })).code).toBe("InvalidSubnet");
    expect((await elb.error("DescribeLoadBalancers", { Names: ["one"] })).message).toBe("One or more load balancers not found");
  });

  it("asks EC2: refuses subnets and security groups it does not know, takes zones and the VPC from it", async () => {
    const unknown = "subnet-0123456789abcdef0";
    expect(await elb.error("CreateLoadBalancer", { Name: "ghost", Subnets: [unknown, SUBNETS[1]] })).toMatchObject({ code: "SubnetNotFound", message: `The subnet ID '${unknown}' does not exist` });
    expect(await elb.error("CreateLoadBalancer", { Name: "ghost", Subnets: SUBNETS, SecurityGroups: ["sg-0123456789abcdef0"] })).toMatchObject({ code: "InvalidSecurityGroup", message: "One or more security groups are invalid" });
    const lb = (await elb.call("CreateLoadBalancer", { Name: "zoned", Subnets: [SUBNET_C, SUBNET_A], SecurityGroups: [DEFAULT_SG] })).LoadBalancers[0];
    expect(lb.AvailabilityZones.map((z: any) => [z.SubnetId, z.ZoneName])).toEqual([[SUBNET_C, "us-east-1c"], [SUBNET_A, "us-east-1a"]]);
    expect(lb.VpcId).toBe(VPC);
    expect((await elb.error("DescribeLoadBalancers", { Names: ["ghost"] })).code).toBe("LoadBalancerNotFound");
  });

  it("is waited for by the SDK's load-balancer-available waiter", async () => {
    const client = new ElasticLoadBalancingV2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
    const out = await elb.call("CreateLoadBalancer", { Name: "waited", Subnets: SUBNETS });
    t.advance(120_000);
    const r = await waitUntilLoadBalancerAvailable({ client, maxWaitTime: 5, minDelay: 1 }, { LoadBalancerArns: [out.LoadBalancers[0].LoadBalancerArn] });
    expect(r.state).toBe("SUCCESS");
    const d = await client.send(new DescribeLoadBalancersCommand({ Names: ["waited"] }));
    expect(d.LoadBalancers![0].CreatedTime).toBeInstanceOf(Date);
  });

  it("deletes, and deleting again succeeds", async () => {
    const out = await elb.call("CreateLoadBalancer", { Name: "gone", Subnets: SUBNETS });
    const arn = out.LoadBalancers[0].LoadBalancerArn;
    await elb.call("DeleteLoadBalancer", { LoadBalancerArn: arn });
    await elb.call("DeleteLoadBalancer", { LoadBalancerArn: arn });
    expect((await elb.error("DescribeLoadBalancers", { LoadBalancerArns: [arn] })).code).toBe("LoadBalancerNotFound");
  });

  it("modifies attributes, refusing an unknown key or a bad value without changing anything", async () => {
    const arn = (await elb.call("CreateLoadBalancer", { Name: "attrs", Subnets: SUBNETS })).LoadBalancers[0].LoadBalancerArn;
    const out = await elb.call("ModifyLoadBalancerAttributes", { LoadBalancerArn: arn, Attributes: [{ Key: "idle_timeout.timeout_seconds", Value: "120" }] });
    expect(out.Attributes).toContainEqual({ Key: "idle_timeout.timeout_seconds", Value: "120" });
    await elb.error("ModifyLoadBalancerAttributes", { LoadBalancerArn: arn, Attributes: [{ Key: "idle_timeout.timeout_seconds", Value: "30" }, { Key: "nope", Value: "1" }] });
    await elb.error("ModifyLoadBalancerAttributes", { LoadBalancerArn: arn, Attributes: [{ Key: "deletion_protection.enabled", Value: "maybe" }] });
    const attrs = await elb.call("DescribeLoadBalancerAttributes", { LoadBalancerArn: arn });
    expect(attrs.Attributes).toContainEqual({ Key: "idle_timeout.timeout_seconds", Value: "120" });
    await elb.call("ModifyLoadBalancerAttributes", { LoadBalancerArn: arn, Attributes: [{ Key: "deletion_protection.enabled", Value: "true" }] });
    expect((await elb.error("DeleteLoadBalancer", { LoadBalancerArn: arn })).code).toBe("OperationNotPermitted");
  });
});

describe("target groups, listeners and rules", () => {
  it("creates groups with the model's health-check defaults per protocol", async () => {
    const http = (await elb.call("CreateTargetGroup", { Name: "http", Protocol: "HTTP", Port: 80, VpcId: VPC })).TargetGroups[0];
    expect(http).toMatchObject({ HealthCheckProtocol: "HTTP", HealthCheckPort: "traffic-port", HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 6, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckPath: "/", Matcher: { HttpCode: "200" }, TargetType: "instance", ProtocolVersion: "HTTP1", IpAddressType: "ipv4" });
    expect(http.LoadBalancerArns).toEqual([]);
    const ghost = "vpc-0123456789abcdef0";
    expect(await elb.error("CreateTargetGroup", { Name: "ghost", Protocol: "HTTP", Port: 80, VpcId: ghost })).toMatchObject({ code: "ValidationError", message: `The VPC ID '${ghost}' is not found` });
    expect((await elb.error("DescribeTargetGroups", { Names: ["ghost"] })).code).toBe("TargetGroupNotFound");
    const tcp = (await elb.call("CreateTargetGroup", { Name: "tcp", Protocol: "TCP", Port: 5432, VpcId: VPC, TargetType: "ip" })).TargetGroups[0];
    expect(tcp).toMatchObject({ HealthCheckProtocol: "TCP", HealthCheckTimeoutSeconds: 10, TargetType: "ip" });
    expect(tcp.HealthCheckPath).toBeUndefined();
    const attrs = await elb.call("DescribeTargetGroupAttributes", { TargetGroupArn: http.TargetGroupArn });
    expect(attrs.Attributes).toContainEqual({ Key: "deregistration_delay.timeout_seconds", Value: "300" });
    expect((await elb.error("CreateTargetGroup", { Name: "http", Protocol: "HTTP", Port: 8080, VpcId: VPC })).message).toBe("A target group with the same name 'http' exists, but with different settings");
  });

  it("wires a listener and rules; a group in use cannot be deleted; describe by load balancer", async () => {
    const lb = (await elb.call("CreateLoadBalancer", { Name: "wired", Subnets: SUBNETS })).LoadBalancers[0];
    const web = (await elb.call("CreateTargetGroup", { Name: "wired-web", Protocol: "HTTP", Port: 80, VpcId: VPC })).TargetGroups[0];
    const api = (await elb.call("CreateTargetGroup", { Name: "wired-api", Protocol: "HTTP", Port: 8080, VpcId: VPC })).TargetGroups[0];
    const listener = (await elb.call("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: web.TargetGroupArn }] })).Listeners[0];
    expect(listener.DefaultActions[0]).toMatchObject({ Type: "forward", TargetGroupArn: web.TargetGroupArn, ForwardConfig: { TargetGroups: [{ TargetGroupArn: web.TargetGroupArn, Weight: 1 }] } });
    expect((await elb.error("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: web.TargetGroupArn }] })).message).toBe("A listener already exists on this port for this load balancer");
    const rule = (await elb.call("CreateRule", { ListenerArn: listener.ListenerArn, Priority: 10, Conditions: [{ Field: "path-pattern", Values: ["/api/*"] }, { Field: "host-header", HostHeaderConfig: { Values: ["api.example.com"] } }], Actions: [{ Type: "forward", TargetGroupArn: api.TargetGroupArn }] })).Rules[0];
    expect(rule).toMatchObject({ Priority: "10", IsDefault: false, Conditions: [{ Field: "path-pattern", Values: ["/api/*"], PathPatternConfig: { Values: ["/api/*"] } }, { Field: "host-header", HostHeaderConfig: { Values: ["api.example.com"] } }] });
    expect((await elb.error("CreateRule", { ListenerArn: listener.ListenerArn, Priority: 10, Conditions: [{ Field: "path-pattern", Values: ["/x"] }], Actions: [{ Type: "forward", TargetGroupArn: api.TargetGroupArn }] })).message).toBe("Priority '10' is currently in use");
    const rules = await elb.call("DescribeRules", { ListenerArn: listener.ListenerArn });
    expect(rules.Rules.map((r: any) => r.Priority)).toEqual(["10", "default"]);
    const byLb = await elb.call("DescribeTargetGroups", { LoadBalancerArn: lb.LoadBalancerArn });
    expect(byLb.TargetGroups.map((g: any) => g.TargetGroupName).sort()).toEqual(["wired-api", "wired-web"]);
    expect(byLb.TargetGroups[0].LoadBalancerArns).toEqual([lb.LoadBalancerArn]);
    const sdk = new ElasticLoadBalancingV2Client({ endpoint: t.url, region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" } });
    expect(await sdk.send(new DeleteTargetGroupCommand({ TargetGroupArn: api.TargetGroupArn })).catch((e) => e)).toBeInstanceOf(ResourceInUseException);
    expect(await sdk.send(new DescribeTargetGroupsCommand({ Names: ["nothing-here"] })).catch((e) => e)).toBeInstanceOf(TargetGroupNotFoundException);
    const inUse = await elb.error("DeleteTargetGroup", { TargetGroupArn: api.TargetGroupArn });
    expect(inUse).toMatchObject({ code: "ResourceInUse", message: `Target group '${api.TargetGroupArn}' is currently in use by a listener or a rule` });
    expect((await elb.error("DeleteRule", { RuleArn: rules.Rules[1].RuleArn })).code).toBe("OperationNotPermitted");
    const second = (await elb.call("CreateRule", { ListenerArn: listener.ListenerArn, Priority: 20, Conditions: [{ Field: "path-pattern", Values: ["/b/*"] }], Actions: [{ Type: "forward", TargetGroupArn: api.TargetGroupArn }] })).Rules[0];
    // A swap is allowed; moving onto a priority another rule keeps is not.
    const swapped = await elb.call("SetRulePriorities", { RulePriorities: [{ RuleArn: rule.RuleArn, Priority: 20 }, { RuleArn: second.RuleArn, Priority: 10 }] });
    expect(swapped.Rules.map((r: any) => r.Priority)).toEqual(["20", "10"]);
    expect((await elb.error("SetRulePriorities", { RulePriorities: [{ RuleArn: rule.RuleArn, Priority: 10 }] })).code).toBe("PriorityInUse");
    expect((await elb.call("DescribeRules", { ListenerArn: listener.ListenerArn })).Rules.map((r: any) => r.RuleArn)).toEqual([second.RuleArn, rule.RuleArn, rules.Rules[1].RuleArn]);
    await elb.call("DeleteRule", { RuleArn: second.RuleArn });
    await elb.call("DeleteRule", { RuleArn: rule.RuleArn });
    await elb.call("DeleteTargetGroup", { TargetGroupArn: api.TargetGroupArn });
    const modified = await elb.call("ModifyListener", { ListenerArn: listener.ListenerArn, Port: 8080 });
    expect(modified.Listeners[0].Port).toBe(8080);
    await elb.call("DeleteListener", { ListenerArn: listener.ListenerArn });
    expect((await elb.error("DescribeListeners", { ListenerArns: [listener.ListenerArn] })).message).toBe("One or more listeners not found");
    expect((await elb.call("DescribeListeners", { LoadBalancerArn: lb.LoadBalancerArn })).Listeners).toEqual([]);
    await elb.call("DeleteTargetGroup", { TargetGroupArn: web.TargetGroupArn });
    expect((await elb.error("DescribeTargetGroups", { Names: ["wired-web"] })).message).toBe("One or more target groups not found");
  });

  it("modifies a group's health check and a rule's conditions and actions, refusing bad changes whole", async () => {
    const tg = (await elb.call("CreateTargetGroup", { Name: "mod", Protocol: "HTTP", Port: 80, VpcId: VPC })).TargetGroups[0];
    const other = (await elb.call("CreateTargetGroup", { Name: "mod-other", Protocol: "HTTP", Port: 80, VpcId: VPC })).TargetGroups[0];
    const out = await elb.call("ModifyTargetGroup", { TargetGroupArn: tg.TargetGroupArn, HealthCheckPath: "/health", HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, Matcher: { HttpCode: "200-299" } });
    expect(out.TargetGroups[0]).toMatchObject({ HealthCheckPath: "/health", HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, Matcher: { HttpCode: "200-299" } });
    await elb.error("ModifyTargetGroup", { TargetGroupArn: tg.TargetGroupArn, HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 5 });
    await elb.error("ModifyTargetGroup", { TargetGroupArn: tg.TargetGroupArn, HealthCheckProtocol: "TCP" });
    expect((await elb.call("DescribeTargetGroups", { TargetGroupArns: [tg.TargetGroupArn] })).TargetGroups[0]).toMatchObject({ HealthCheckIntervalSeconds: 10, HealthCheckProtocol: "HTTP" });

    const lb = (await elb.call("CreateLoadBalancer", { Name: "mod", Subnets: SUBNETS })).LoadBalancers[0];
    const listener = (await elb.call("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Port: 80, DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404" } }] })).Listeners[0];
    expect(listener.Protocol).toBe("HTTP");
    const rule = (await elb.call("CreateRule", { ListenerArn: listener.ListenerArn, Priority: 5, Conditions: [{ Field: "path-pattern", Values: ["/a"] }], Actions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] })).Rules[0];
    const changed = await elb.call("ModifyRule", { RuleArn: rule.RuleArn, Conditions: [{ Field: "host-header", Values: ["b.example.com"] }], Actions: [{ Type: "forward", TargetGroupArn: other.TargetGroupArn }] });
    expect(changed.Rules[0]).toMatchObject({ Priority: "5", Conditions: [{ Field: "host-header", Values: ["b.example.com"] }], Actions: [{ Type: "forward", TargetGroupArn: other.TargetGroupArn }] });
    // The first group is free again; the second is in use.
    await elb.call("DeleteTargetGroup", { TargetGroupArn: tg.TargetGroupArn });
    expect((await elb.error("DeleteTargetGroup", { TargetGroupArn: other.TargetGroupArn })).code).toBe("ResourceInUse");
    const defaultRule = (await elb.call("DescribeRules", { ListenerArn: listener.ListenerArn })).Rules.find((r: any) => r.IsDefault);
    expect((await elb.error("ModifyRule", { RuleArn: defaultRule.RuleArn, Conditions: [{ Field: "path-pattern", Values: ["/x"] }] })).code).toBe("OperationNotPermitted");
    await elb.error("ModifyRule", { RuleArn: rule.RuleArn, Conditions: [{ Field: "path-pattern", Values: ["/c"] }], Actions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] });
    expect((await elb.call("DescribeRules", { RuleArns: [rule.RuleArn] })).Rules[0].Conditions[0].Field).toBe("host-header");
  });
});
