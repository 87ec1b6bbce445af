// Multi-Region secrets: replicas in other Regions of the account, kept in step with their primary,
// read-only there, promoted by StopReplicationToReplica, removed by RemoveRegionsFromReplication.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
let sm: JsonCalls;

beforeAll(async () => {
  t = await startLocal({ seed: "replication" });
  sm = jsonCalls(t, "secretsmanager");
});
afterAll(() => t.close());
beforeEach(() => t.local.reset());

let n = 0;
const token = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const west = { region: "eu-west-3" };
const replicaOnly = { status: 400, code: "InvalidRequestException", message: "Operation not permitted on a replica secret. Call must be made in primary secret's region." };

describe("replicas", () => {
  it("CreateSecret with AddReplicaRegions makes a read-only copy that follows its primary", async () => {
    const created = await sm.call("CreateSecret", { Name: "m", SecretString: "one", ClientRequestToken: token(), AddReplicaRegions: [{ Region: "eu-west-3" }] });
    expect(created.ReplicationStatus).toEqual([{ Region: "eu-west-3", KmsKeyId: "alias/aws/secretsmanager", Status: "InProgress" }]);
    const replicaArn = created.ARN.replace("us-east-1", "eu-west-3");
    expect((await sm.call("GetSecretValue", { SecretId: "m" }, west))).toMatchObject({ ARN: replicaArn, SecretString: "one", VersionId: created.VersionId });
    const primary = await sm.call("DescribeSecret", { SecretId: "m" });
    expect([primary.PrimaryRegion, primary.ReplicationStatus]).toEqual([
      "us-east-1",
      [{ Region: "eu-west-3", KmsKeyId: "alias/aws/secretsmanager", Status: "InSync", StatusMessage: "Replication succeeded", LastAccessedDate: Math.floor(t.clock.now() / 86_400_000) * 86_400 }],
    ]);
    expect((await sm.call("DescribeSecret", { SecretId: replicaArn }, west)).PrimaryRegion).toBe("us-east-1");

    await sm.call("PutSecretValue", { SecretId: "m", SecretString: "two", ClientRequestToken: token() });
    await sm.call("TagResource", { SecretId: "m", Tags: [{ Key: "k", Value: "v" }] });
    const replica = await sm.call("DescribeSecret", { SecretId: "m" }, west);
    expect(replica.Tags).toEqual([{ Key: "k", Value: "v" }]);
    expect((await sm.call("GetSecretValue", { SecretId: "m" }, west)).SecretString).toBe("two");

    expect(await sm.error("PutSecretValue", { SecretId: "m", SecretString: "x", ClientRequestToken: token() }, west)).toEqual(replicaOnly);
    expect(await sm.error("DeleteSecret", { SecretId: "m" }, west)).toEqual(replicaOnly);
    expect(await sm.error("DeleteSecret", { SecretId: "m" })).toEqual({
      status: 400,
      code: "InvalidParameterException",
      message: "You can't delete secret m that still has replica regions [eu-west-3]",
    });
  });

  it("a name taken in the Region fails there, unless ForceOverwriteReplicaSecret", async () => {
    await sm.call("CreateSecret", { Name: "x", SecretString: "theirs", ClientRequestToken: token() }, west);
    await sm.call("CreateSecret", { Name: "x", SecretString: "ours", ClientRequestToken: token() });
    await sm.call("ReplicateSecretToRegions", { SecretId: "x", AddReplicaRegions: [{ Region: "eu-west-3", KmsKeyId: "alias/replica" }] });
    expect((await sm.call("DescribeSecret", { SecretId: "x" })).ReplicationStatus).toEqual([
      { Region: "eu-west-3", KmsKeyId: "alias/replica", Status: "Failed", StatusMessage: "Secret with this name already exists in this region" },
    ]);
    expect((await sm.call("GetSecretValue", { SecretId: "x" }, west)).SecretString).toBe("theirs");
    await sm.call("RemoveRegionsFromReplication", { SecretId: "x", RemoveReplicaRegions: ["eu-west-3"] });
    const forced = await sm.call("ReplicateSecretToRegions", { SecretId: "x", AddReplicaRegions: [{ Region: "eu-west-3" }], ForceOverwriteReplicaSecret: true });
    expect(forced.ReplicationStatus[0].Status).toBe("InProgress");
    expect((await sm.call("GetSecretValue", { SecretId: "x" }, west)).SecretString).toBe("ours");
    expect((await sm.error("ReplicateSecretToRegions", { SecretId: "x", AddReplicaRegions: [{ Region: "us-east-1" }] })).message).toBe("Invalid replica region.");
  });

  it("RemoveRegionsFromReplication deletes the replica; StopReplicationToReplica makes it a secret of its own", async () => {
    await sm.call("CreateSecret", { Name: "r", SecretString: "v", ClientRequestToken: token(), AddReplicaRegions: [{ Region: "eu-west-3" }, { Region: "ap-south-1" }] });
    const removed = await sm.call("RemoveRegionsFromReplication", { SecretId: "r", RemoveReplicaRegions: ["ap-south-1"] });
    expect(removed.ReplicationStatus.map((s: any) => s.Region)).toEqual(["eu-west-3"]);
    expect((await sm.error("DescribeSecret", { SecretId: "r" }, { region: "ap-south-1" })).code).toBe("ResourceNotFoundException");

    expect((await sm.error("StopReplicationToReplica", { SecretId: "r" })).code).toBe("InvalidParameterException");
    const promoted = await sm.call("StopReplicationToReplica", { SecretId: "r" }, west);
    expect(promoted.ARN).toMatch(/^arn:aws:secretsmanager:eu-west-3:/);
    expect((await sm.call("DescribeSecret", { SecretId: "r" })).ReplicationStatus).toBeUndefined();
    await sm.call("PutSecretValue", { SecretId: "r", SecretString: "own", ClientRequestToken: token() }, west);
    expect((await sm.call("GetSecretValue", { SecretId: "r" })).SecretString).toBe("v");
    await sm.call("DeleteSecret", { SecretId: "r", ForceDeleteWithoutRecovery: true });
    expect((await sm.call("GetSecretValue", { SecretId: "r" }, west)).SecretString).toBe("own");
  });
});
