// --state-dir keeps CloudFormation's stacks: their status, resources, events and outputs come back
// after a restart (the journal replays the requests and the steps of each operation), and the stack
// can be updated afterwards through the same services; a stack still in progress at the stop completes after it.
import { readFileSync } from "node:fs";
import { CloudFormationClient, CreateStackCommand, DescribeStackEventsCommand, DescribeStacksCommand, UpdateStackCommand, ListStackResourcesCommand } from "@aws-sdk/client-cloudformation";
import { describe, expect, it } from "vitest";
import { type EcsLocalServer, type StartServerOptions } from "../../src/index.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string, options: StartServerOptions = {}): Promise<{ server: EcsLocalServer; cfn: CloudFormationClient }> {
  const server = await servers.start(stateDir, options);
  return { server, cfn: new CloudFormationClient({ endpoint: server.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } }) };
}

const body = readFileSync(new URL("../cloudformation/templates/ecs-basic.yaml", import.meta.url), "utf8");

describe("--state-dir: CloudFormation", () => {
  it("keeps stacks, resources and events across a restart; an update after it works", async () => {
    const dir = tempDir("ecs-local-cfn-state-");
    let { server, cfn } = await start(dir);
    await cfn.send(new CreateStackCommand({ StackName: "kept", TemplateBody: body }));
    const view = async () => {
      const s = (await cfn.send(new DescribeStacksCommand({ StackName: "kept" }))).Stacks![0];
      const resources = (await cfn.send(new ListStackResourcesCommand({ StackName: "kept" }))).StackResourceSummaries!.map((r) => [r.LogicalResourceId, r.PhysicalResourceId, r.ResourceStatus]);
      const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: "kept" }))).StackEvents!.map((e) => [e.EventId, e.ResourceStatus]);
      return { status: s.StackStatus, id: s.StackId, outputs: s.Outputs, resources, events };
    };
    let before = await view();
    for (let i = 0; before.status !== "CREATE_COMPLETE" && i < 100; i++) before = await view();
    expect(before.status).toBe("CREATE_COMPLETE");
    await server.stop();

    ({ server, cfn } = await start(dir));
    expect(await view()).toEqual(before);
    await cfn.send(new UpdateStackCommand({ StackName: "kept", UsePreviousTemplate: true, Parameters: [{ ParameterKey: "Image", ParameterValue: "nginx:1.27" }] }));
    let after = await view();
    for (let i = 0; after.status !== "UPDATE_COMPLETE" && i < 100; i++) after = await view();
    expect(after.status).toBe("UPDATE_COMPLETE");
    expect(after.resources.find((r) => r[0] === "TaskDef")![1]).toBe("arn:aws:ecs:us-east-1:000000000000:task-definition/kept-web:2");
  }, 60_000);
});

describe("--state-dir: a stack in progress", () => {
  it("completes after a restart: the steps pending at the stop are rebuilt from the journal", async () => {
    const dir = tempDir("ecs-local-cfn-state-");
    // Tasks wait 1.5 s in PENDING: the service, and so the stack, is not settled when the server stops.
    const options = { timings: { pendingMs: 1_500 } };
    let { server, cfn } = await start(dir, options);
    const { StackId } = await cfn.send(new CreateStackCommand({ StackName: "midway", TemplateBody: body }));
    const first = (await cfn.send(new DescribeStacksCommand({ StackName: "midway" }))).Stacks![0];
    expect(first.StackStatus).toBe("CREATE_IN_PROGRESS");
    await server.stop();

    ({ server, cfn } = await start(dir, options));
    let status = "";
    for (let i = 0; i < 100 && status !== "CREATE_COMPLETE"; i++) {
      status = (await cfn.send(new DescribeStacksCommand({ StackName: "midway" }))).Stacks![0].StackStatus!;
      if (status !== "CREATE_COMPLETE") await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe("CREATE_COMPLETE");
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: StackId }))).StackEvents!;
    expect(events.filter((e) => e.LogicalResourceId === "Service").map((e) => e.ResourceStatus)).toEqual(["CREATE_COMPLETE", "CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS"]);
  }, 60_000);
});
