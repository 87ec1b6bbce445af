// Errors in ECS's own style: enum members ECS checks itself, the order of checks, revision and setting texts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerInstance } from "../helpers/fixtures.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const CLUSTER = "err";
// The model's LaunchType enum, in its order.
const LAUNCH_TYPES = "[EC2,FARGATE,EXTERNAL,MANAGED_INSTANCES]";
beforeEach(async () => {
  t.local.reset();
  await t.ecs("CreateCluster", { clusterName: CLUSTER });
  await registerInstance(t, CLUSTER, "us-east-1a");
  await t.ecs("RegisterTaskDefinition", { family: "web", containerDefinitions: [{ name: "web", image: "nginx", memory: 64 }] });
});

describe("a launch type outside the enum", () => {
  it("RunTask answers InvalidParameterException and starts nothing", async () => {
    const e = await t.ecsError("RunTask", { cluster: CLUSTER, taskDefinition: "web", launchType: "fargate" });
    expect(e).toEqual({ status: 400, code: "InvalidParameterException", message: `launch type should be one of ${LAUNCH_TYPES}` });
    expect((await t.ecs("ListTasks", { cluster: CLUSTER })).taskArns).toEqual([]);
  });

  it("CreateService answers ClientException and creates nothing", async () => {
    const e = await t.ecsError("CreateService", { cluster: CLUSTER, serviceName: "s", taskDefinition: "web", desiredCount: 1, launchType: "SOMETHING" });
    expect(e).toEqual({ status: 400, code: "ClientException", message: `launch type should be one of ${LAUNCH_TYPES}` });
    expect((await t.ecs("ListServices", { cluster: CLUSTER })).serviceArns).toEqual([]);
  });

  it("CreateTaskSet answers ClientException", async () => {
    await t.ecs("CreateService", { cluster: CLUSTER, serviceName: "ext", desiredCount: 1, deploymentController: { type: "EXTERNAL" } });
    const e = await t.ecsError("CreateTaskSet", { cluster: CLUSTER, service: "ext", taskDefinition: "web", launchType: "SOMETHING" });
    expect(e).toEqual({ status: 400, code: "ClientException", message: `launch type should be one of ${LAUNCH_TYPES}` });
    expect((await t.ecs("DescribeTaskSets", { cluster: CLUSTER, service: "ext" })).taskSets).toEqual([]);
  });

  it("listing operations answer InvalidParameterException", async () => {
    for (const op of ["ListTasks", "ListServices"] as const) {
      const e = await t.ecsError(op, { cluster: CLUSTER, launchType: "ec2" });
      expect([op, e.code, e.message]).toEqual([op, "InvalidParameterException", `launch type should be one of ${LAUNCH_TYPES}`]);
    }
  });
});

describe("DescribeTasks", () => {
  it("checks the cluster before the list of tasks", async () => {
    expect(await t.ecsError("DescribeTasks", { cluster: "nowhere", tasks: [] })).toEqual({ status: 400, code: "ClusterNotFoundException", message: "Cluster not found." });
    expect(await t.ecsError("DescribeTasks", { cluster: CLUSTER, tasks: [] })).toEqual({ status: 400, code: "InvalidParameterException", message: "Tasks cannot be empty." });
  });
});

describe("DeregisterTaskDefinition", () => {
  it("answers a revision that is not a number and one that does not exist with ECS's texts", async () => {
    expect(await t.ecsError("DeregisterTaskDefinition", { taskDefinition: "web:foo" })).toEqual({ status: 400, code: "InvalidParameterException", message: "Invalid revision number. Number: foo" });
    expect(await t.ecsError("DeregisterTaskDefinition", { taskDefinition: "web:7" })).toEqual({ status: 400, code: "ClientException", message: "Unable to describe task definition." });
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "web:1" })).taskDefinition!.status).toBe("ACTIVE");
  });
});

describe("long ARN settings", () => {
  it("cannot be disabled, for a principal or as the default, and stay enabled", async () => {
    for (const name of ["serviceLongArnFormat", "taskLongArnFormat", "containerInstanceLongArnFormat"] as const) {
      for (const op of ["PutAccountSetting", "PutAccountSettingDefault"] as const) {
        expect(await t.ecsError(op, { name, value: "disabled" })).toEqual({ status: 400, code: "InvalidParameterException", message: "You can no longer disable Long Arn settings" });
      }
      const eff = await t.ecs("ListAccountSettings", { effectiveSettings: true, name });
      expect(eff.settings![0].value).toBe("enabled");
      expect((await t.ecs("PutAccountSetting", { name, value: "enabled" })).setting!.value).toBe("enabled");
    }
  });
});
