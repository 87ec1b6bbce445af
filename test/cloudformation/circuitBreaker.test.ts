// An AWS::ECS::Service whose tasks cannot start: the circuit breaker fails the deployment, which
// fails the resource with the handler's words, and the stack rolls back (the service is deleted).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerRuntime, TaskEvents, TaskRun } from "../../src/runtime/runtime.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

/** Every task fails to start (an image that cannot be pulled); stops are answered at once. */
class PullFailingRuntime implements ContainerRuntime {
  readonly kind = "docker";
  pending: TaskEvents[] = [];
  stopping: TaskEvents[] = [];
  holds(status: string): boolean {
    return status === "PENDING" || status === "STOPPING";
  }
  start(_run: TaskRun, events: TaskEvents): void {
    this.pending.push(events);
  }
  stop(_run: TaskRun, events: TaskEvents): void {
    this.stopping.push(events);
  }
  async reset(): Promise<void> {}
  async close(): Promise<void> {}
}

const runtime = new PullFailingRuntime();
let t: TestLocal;
let cfn: QueryCaller;
beforeAll(async () => {
  t = await startLocal({}, { runtime });
  cfn = queryCaller(t, "cloudformation");
});
afterAll(() => t.close());

/** Answers the runtime's pending work, then moves the clock past the launch throttle. */
function turn(): void {
  for (const e of runtime.pending.splice(0)) e.failed("TaskFailedToStart", "CannotPullContainerError: pull access denied for nope");
  for (const e of runtime.stopping.splice(0)) e.stopped();
  t.advance(60_000);
}

const template = `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties: { ContainerDefinitions: [{ Name: web, Image: nope, Memory: 32 }] }
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: cb
      TaskDefinition: !Ref TaskDef
      DesiredCount: 1
      DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: false } }`;

describe("a service the circuit breaker stops", () => {
  it("fails with the handler's message and the stack rolls back", async () => {
    await t.ecs("CreateCluster", { clusterName: "cb" });
    await t.ecs("RegisterContainerInstance", { cluster: "cb", instanceIdentityDocument: JSON.stringify({ instanceId: "i-0000000000000001", instanceType: "t3.medium", availabilityZone: "us-east-1a", region: "us-east-1" }) });
    await cfn.call("CreateStack", { StackName: "cb", TemplateBody: template });
    let status = "";
    for (let i = 0; i < 40 && !status.endsWith("COMPLETE") && !status.endsWith("FAILED"); i++) {
      turn();
      status = (await cfn.call("DescribeStacks", { StackName: "cb" })).Stacks[0].StackStatus;
    }
    expect(status).toBe("ROLLBACK_COMPLETE");
    const events = (await cfn.call("DescribeStackEvents", { StackName: "cb" })).StackEvents;
    const failed = events.find((e: any) => e.LogicalResourceId === "Service" && e.ResourceStatus === "CREATE_FAILED");
    expect(failed.ResourceStatusReason).toMatch(/^Resource handler returned message: "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'\." \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: GeneralServiceException\)$/);
    const svc = (await t.ecs("DescribeServices", { cluster: "cb", services: [failed.PhysicalResourceId] })).services![0];
    expect(svc.status).toBe("INACTIVE");
  });
});
