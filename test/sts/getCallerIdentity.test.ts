// STS GetCallerIdentity: the account the access key names (as every service here derives it), its root user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetCallerIdentityCommand, GetFederationTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller } from "../helpers/query.js";

let t: TestLocal;
beforeAll(async () => {
  t = await startLocal();
});
afterAll(async () => t.close());

const client = (accessKeyId: string, region = "us-east-1") => new STSClient({ endpoint: t.url, region, credentials: { accessKeyId, secretAccessKey: "x" } });

describe("GetCallerIdentity", () => {
  it("answers the root user of the account a 12-digit access key names", async () => {
    const out = await queryCaller(t, "sts").call("GetCallerIdentity", {}, { accountId: "123456789012" });
    expect(out).toEqual({ UserId: "123456789012", Account: "123456789012", Arn: "arn:aws:iam::123456789012:root" });
  });

  it("answers the configured account for any other access key, in any region", async () => {
    const out = await queryCaller(t, "sts").call("GetCallerIdentity", {}, { accountId: "AKIDEXAMPLE", region: "eu-west-3" });
    expect(out).toEqual({ UserId: "000000000000", Account: "000000000000", Arn: "arn:aws:iam::000000000000:root" });
  });

  it("agrees with ECS on the account", async () => {
    const cluster = await t.ecs("CreateCluster", { clusterName: "who" }, { accountId: "210987654321" });
    const who = await queryCaller(t, "sts").call("GetCallerIdentity", {}, { accountId: "210987654321" });
    expect(cluster.cluster!.clusterArn).toBe(`arn:aws:ecs:us-east-1:${who.Account}:cluster/who`);
  });

  it("is read by the SDK v3 client", async () => {
    const out = await client("123456789012").send(new GetCallerIdentityCommand({}));
    expect({ UserId: out.UserId, Account: out.Account, Arn: out.Arn }).toEqual({ UserId: "123456789012", Account: "123456789012", Arn: "arn:aws:iam::123456789012:root" });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("the other STS operations", () => {
  it("answer UnsupportedOperation in query XML, which the SDK exposes as the error's name", async () => {
    const err = await client("123456789012")
      .send(new GetFederationTokenCommand({ Name: "bob" }))
      .catch((e) => e);
    expect(err.name).toBe("UnsupportedOperation");
    expect(err.message).toBe("ecs-local does not support the sts action GetFederationToken yet.");
    expect(err.$metadata.httpStatusCode).toBe(400);
    const e = await queryCaller(t, "sts").error("DecodeAuthorizationMessage", { EncodedMessage: "x" });
    expect(e).toMatchObject({ root: "ErrorResponse", type: "Sender", code: "UnsupportedOperation" });
  });
});
