// --state-dir keeps Parameter Store: parameters come back with their versions, labels, tags and
// SecureString ciphertexts.
import { AddTagsToResourceCommand, GetParameterCommand, GetParameterHistoryCommand, LabelParameterVersionCommand, ListTagsForResourceCommand, PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { describe, expect, it } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<{ server: EcsLocalServer; ssm: SSMClient }> {
  const server = await servers.start(stateDir);
  const ssm = new SSMClient({ endpoint: server.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  return { server, ssm };
}

describe("--state-dir: Parameter Store", () => {
  it("keeps parameters with their versions, labels and tags across a restart", async () => {
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    await a.ssm.send(new PutParameterCommand({ Name: "/app/url", Value: "v1", Type: "String", Tags: [{ Key: "team", Value: "red" }] }));
    await a.ssm.send(new PutParameterCommand({ Name: "/app/url", Value: "v2", Overwrite: true }));
    await a.ssm.send(new LabelParameterVersionCommand({ Name: "/app/url", ParameterVersion: 1, Labels: ["stable"] }));
    await a.ssm.send(new AddTagsToResourceCommand({ ResourceType: "Parameter", ResourceId: "/app/url", Tags: [{ Key: "env", Value: "dev" }] }));
    await a.ssm.send(new PutParameterCommand({ Name: "/app/secret", Value: "s3cret", Type: "SecureString" }));
    const sealed = (await a.ssm.send(new GetParameterCommand({ Name: "/app/secret" }))).Parameter!.Value;
    const history = (await a.ssm.send(new GetParameterHistoryCommand({ Name: "/app/url" }))).Parameters!;
    a.ssm.destroy();
    await a.server.stop();

    const b = await start(dir);
    expect((await b.ssm.send(new GetParameterHistoryCommand({ Name: "/app/url" }))).Parameters).toEqual(history);
    expect(history.map((h) => [h.Version, h.Value, h.Labels])).toEqual([
      [1, "v1", ["stable"]],
      [2, "v2", []],
    ]);
    expect((await b.ssm.send(new GetParameterCommand({ Name: "/app/url:stable" }))).Parameter!.Value).toBe("v1");
    expect((await b.ssm.send(new ListTagsForResourceCommand({ ResourceType: "Parameter", ResourceId: "/app/url" }))).TagList).toEqual([
      { Key: "team", Value: "red" },
      { Key: "env", Value: "dev" },
    ]);
    expect((await b.ssm.send(new GetParameterCommand({ Name: "/app/secret" }))).Parameter!.Value).toBe(sealed);
    expect((await b.ssm.send(new GetParameterCommand({ Name: "/app/secret", WithDecryption: true }))).Parameter!.Value).toBe("s3cret");
    expect((await b.ssm.send(new PutParameterCommand({ Name: "/app/url", Value: "v3", Overwrite: true }))).Version).toBe(3);
    b.ssm.destroy();
  }, 60_000);
});
