// Services behind a load balancer, as ECS runs them: CreateService checks the target group and the
// container; tasks are registered once running, count once healthy, drain when they stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { SUBNET_A, SUBNET_B, fargateTaskDefinition, registerInstance } from "../helpers/fixtures.js";
import { defaultVpcId } from "../../src/services/ec2/domain/network.js";

const SUBNETS = [SUBNET_A, SUBNET_B];
const VPC = defaultVpcId("000000000000", "us-east-1");

let t: TestLocal;
let elb: QueryCaller;
beforeAll(async () => {
  // ELBv2 at AWS's pace: health checks 10 s × 2, a 30 s deregistration delay.
  t = await startLocal({ timings: { elbTimePercent: 100 } as never });
  elb = queryCaller(t, "elbv2");
});
afterAll(async () => t.close());

async function albGroup(name: string, targetType: "instance" | "ip", attach = true): Promise<string> {
  const tg = (await elb.call("CreateTargetGroup", { Name: name, Protocol: "HTTP", Port: 80, VpcId: VPC, TargetType: targetType, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 })).TargetGroups[0];
  await elb.call("ModifyTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn, Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: "30" }] });
  if (attach) {
    const lb = (await elb.call("CreateLoadBalancer", { Name: name, Subnets: SUBNETS })).LoadBalancers[0];
    await elb.call("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] });
  }
  return tg.TargetGroupArn;
}

const health = async (arn: string) => (await elb.call("DescribeTargetHealth", { TargetGroupArn: arn })).TargetHealthDescriptions as any[];
const service = async (cluster: string, name: string) => (await t.ecs("DescribeServices", { cluster, services: [name] })).services![0];

describe("CreateService with loadBalancers", () => {
  beforeAll(async () => {
    await t.ecs("CreateCluster", { clusterName: "checks" });
    await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80 }] }] });
  });

  it("answers ECS's texts for a group without a load balancer, an unknown group, an unknown container or port, and creates nothing", async () => {
    const lonely = await albGroup("lonely", "instance", false);
    const attached = await albGroup("checked", "instance");
    const create = (loadBalancers: unknown[]) => t.ecsError("CreateService", { cluster: "checks", serviceName: "s", taskDefinition: "web", desiredCount: 1, loadBalancers });
    expect((await create([{ targetGroupArn: lonely, containerName: "web", containerPort: 80 }])).message).toBe(`The target group with targetGroupArn ${lonely} does not have an associated load balancer.`);
    expect((await create([{ targetGroupArn: attached.replace(/[0-9a-f]{16}$/, "0000000000000000"), containerName: "web", containerPort: 80 }])).message).toBe(
      "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.",
    );
    expect((await create([{ targetGroupArn: attached, containerName: "api", containerPort: 80 }])).message).toBe("The container api does not exist in the task definition.");
    expect((await create([{ targetGroupArn: attached, containerName: "web", containerPort: 8080 }])).message).toBe("The container web did not have a container port 8080 defined.");
    expect((await create([{ loadBalancerName: "classic", containerName: "web", containerPort: 80 }])).message).toBe("The load balancer classic does not exist.");
    expect((await t.ecs("ListServices", { cluster: "checks" })).serviceArns).toEqual([]);
  });

  it("refuses an instance target group for an awsvpc task definition", async () => {
    const attached = await albGroup("checked-vpc", "instance");
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("vpcweb", { containerDefinitions: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] }] }));
    const e = await t.ecsError("CreateService", {
      cluster: "checks", serviceName: "v", taskDefinition: "vpcweb", desiredCount: 1, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } },
      loadBalancers: [{ targetGroupArn: attached, containerName: "web", containerPort: 80 }],
    });
    expect(e.message).toBe(`The provided target group ${attached} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`);
  });
});

describe("a bridge service behind an ALB", () => {
  it("registers each task by instance and host port, completes once targets are healthy, drains on scale-in", async () => {
    await t.ecs("CreateCluster", { clusterName: "lb" });
    // Container instances registered by hand, with no EC2 instance behind their ids: ECS still
    // registers their tasks (RegisterTargets by hand would refuse them; see FIDELITY.md).
    await registerInstance(t, "lb", "us-east-1a", 2048, 2048);
    await registerInstance(t, "lb", "us-east-1b", 2048, 2048);
    await t.ecs("RegisterTaskDefinition", { family: "site", containerDefinitions: [{ name: "site", image: "nginx", memory: 128, portMappings: [{ containerPort: 80 }] }] });
    const tg = await albGroup("site", "instance");
    const created = await t.ecs("CreateService", { cluster: "lb", serviceName: "site", taskDefinition: "site", desiredCount: 2, loadBalancers: [{ targetGroupArn: tg, containerName: "site", containerPort: 80 }] });
    expect(created.service!.healthCheckGracePeriodSeconds).toBe(0);

    let s = await service("lb", "site");
    expect(s.runningCount).toBe(2);
    const targets = await health(tg);
    expect(targets).toHaveLength(2);
    const instances = (await t.ecs("DescribeContainerInstances", { cluster: "lb", containerInstances: (await t.ecs("ListContainerInstances", { cluster: "lb" })).containerInstanceArns! })).containerInstances!;
    expect(targets.map((d) => d.Target.Id).sort()).toEqual(instances.map((ci) => ci.ec2InstanceId).sort());
    const tasks = (await t.ecs("DescribeTasks", { cluster: "lb", tasks: (await t.ecs("ListTasks", { cluster: "lb" })).taskArns! })).tasks!;
    const hostPorts = tasks.map((task) => task.containers![0].networkBindings![0].hostPort).sort();
    expect(targets.map((d) => d.Target.Port).sort()).toEqual(hostPorts);
    expect(targets.every((d) => d.TargetHealth.State === "initial")).toBe(true);
    expect(s.events!.filter((e) => e.message === `(service site) registered 1 targets in (target-group ${tg})`)).toHaveLength(2);
    // Running, but not yet healthy behind the load balancer: the deployment waits.
    expect(s.deployments![0].rolloutState).toBe("IN_PROGRESS");
    expect(s.events!.some((e) => e.message === "(service site) has reached a steady state.")).toBe(false);

    t.advance(20_000);
    expect((await health(tg)).map((d) => d.TargetHealth.State)).toEqual(["healthy", "healthy"]);
    s = await service("lb", "site");
    expect(s.deployments![0].rolloutState).toBe("COMPLETED");
    expect(s.events![0].message).toBe("(service site) has reached a steady state.");

    await t.ecs("UpdateService", { cluster: "lb", service: "site", desiredCount: 1 });
    const draining = (await health(tg)).filter((d) => d.TargetHealth.State === "draining");
    expect(draining).toHaveLength(1);
    s = await service("lb", "site");
    expect(s.events!.map((e) => e.message)).toEqual(expect.arrayContaining([`(service site) deregistered 1 targets in (target-group ${tg})`, "(service site) has begun draining connections on 1 tasks."]));
    const stopping = (await t.ecs("DescribeTasks", { cluster: "lb", tasks: tasks.map((x) => x.taskArn!) })).tasks!.find((x) => x.desiredStatus === "STOPPED")!;
    expect(stopping.lastStatus).toBe("DEACTIVATING");
    t.advance(29_000);
    expect((await t.ecs("DescribeTasks", { cluster: "lb", tasks: [stopping.taskArn!] })).tasks![0].lastStatus).toBe("DEACTIVATING");
    t.advance(1_000);
    expect((await t.ecs("DescribeTasks", { cluster: "lb", tasks: [stopping.taskArn!] })).tasks![0].lastStatus).toBe("STOPPED");
    expect((await health(tg)).map((d) => d.TargetHealth.State)).toEqual(["healthy"]);
  });
});

describe("a rolling deployment behind an ALB", () => {
  it("stops old tasks only once the new ones are healthy in the target group (minimumHealthyPercent 100)", async () => {
    await t.ecs("CreateCluster", { clusterName: "roll" });
    await registerInstance(t, "roll", "us-east-1a", 4096, 4096);
    await registerInstance(t, "roll", "us-east-1b", 4096, 4096);
    const def = (image: string) => ({ family: "roll", containerDefinitions: [{ name: "app", image, memory: 128, portMappings: [{ containerPort: 80 }] }] });
    await t.ecs("RegisterTaskDefinition", def("nginx:1"));
    const tg = await albGroup("roll", "instance");
    await t.ecs("CreateService", { cluster: "roll", serviceName: "roll", taskDefinition: "roll:1", desiredCount: 2, loadBalancers: [{ targetGroupArn: tg, containerName: "app", containerPort: 80 }] });
    t.advance(20_000);
    expect((await service("roll", "roll")).deployments!.map((d) => d.rolloutState)).toEqual(["COMPLETED"]);

    await t.ecs("RegisterTaskDefinition", def("nginx:2"));
    await t.ecs("UpdateService", { cluster: "roll", service: "roll", taskDefinition: "roll:2" });
    let s = await service("roll", "roll");
    expect(s.deployments!.map((d) => [d.status, d.runningCount])).toEqual([["PRIMARY", 2], ["ACTIVE", 2]]);
    // The new tasks run but are not healthy yet: nothing old may stop.
    expect((await health(tg)).map((d) => d.TargetHealth.State).sort()).toEqual(["healthy", "healthy", "initial", "initial"]);
    t.advance(19_000);
    expect((await health(tg)).filter((d) => d.TargetHealth.State === "draining")).toHaveLength(0);
    t.advance(1_000);
    expect((await health(tg)).map((d) => d.TargetHealth.State).sort()).toEqual(["draining", "draining", "healthy", "healthy"]);
    t.advance(30_000);
    s = await service("roll", "roll");
    expect(s.deployments!.map((d) => [d.status, d.rolloutState])).toEqual([["PRIMARY", "COMPLETED"]]);
    expect((await health(tg)).map((d) => d.TargetHealth.State)).toEqual(["healthy", "healthy"]);
  });
});

describe("an awsvpc (Fargate) service behind an ip target group", () => {
  it("registers each task by its interface's address and the container port", async () => {
    await t.ecs("CreateCluster", { clusterName: "fg" });
    await t.ecs("RegisterTaskDefinition", fargateTaskDefinition("api", { containerDefinitions: [{ name: "api", image: "nginx", portMappings: [{ containerPort: 8080 }] }] }));
    const tg = await albGroup("api", "ip");
    await t.ecs("CreateService", {
      cluster: "fg", serviceName: "api", taskDefinition: "api", desiredCount: 1, launchType: "FARGATE", healthCheckGracePeriodSeconds: 60,
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET_A] } },
      loadBalancers: [{ targetGroupArn: tg, containerName: "api", containerPort: 8080 }],
    });
    const task = (await t.ecs("DescribeTasks", { cluster: "fg", tasks: (await t.ecs("ListTasks", { cluster: "fg" })).taskArns! })).tasks![0];
    const ip = task.attachments![0].details!.find((d) => d.name === "privateIPv4Address")!.value;
    expect(await health(tg)).toEqual([{ Target: { Id: ip, Port: 8080, AvailabilityZone: "us-east-1a" }, TargetHealth: { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" } }]);
    expect((await service("fg", "api")).healthCheckGracePeriodSeconds).toBe(60);
    t.advance(20_000);
    expect((await health(tg))[0]).toMatchObject({ HealthCheckPort: "8080", TargetHealth: { State: "healthy" } });
    await t.ecs("DeleteService", { cluster: "fg", service: "api", force: true });
    expect((await health(tg))[0].TargetHealth.State).toBe("draining");
    t.advance(30_000);
    expect(await health(tg)).toEqual([]);
  });
});
