// --state-dir keeps STS sessions: credentials AssumeRole and GetSessionToken issued before a restart
// still sign as their session after it, until their expiration, which the downtime counts toward.
import { describe, expect, it, vi } from "vitest";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { type EcsLocalServer } from "../../src/index.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<EcsLocalServer> {
  const s = await servers.start(stateDir);
  return s;
}

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const sts = (s: EcsLocalServer, credentials: Creds) => new STSClient({ endpoint: s.endpoint, region: "us-east-1", credentials });
const ROOT: Creds = { accessKeyId: "123456789012", secretAccessKey: "x" };
const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);

describe("--state-dir: STS sessions", () => {
  it("keep signing as their role or user after a restart, and expire on time across the downtime", async () => {
    // Only Date is faked: the servers' clock is the wall clock with a state directory.
    vi.useFakeTimers({ toFake: ["Date"], now: T0 });
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "123456789012" }, Action: "sts:AssumeRole" }] });
    const role = (await new IAMClient({ endpoint: a.endpoint, region: "us-east-1", credentials: ROOT }).send(new CreateRoleCommand({ RoleName: "deploy", AssumeRolePolicyDocument: trust }))).Role!;
    const assumed = await sts(a, ROOT).send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: "ci", DurationSeconds: 900 }));
    const own = await sts(a, ROOT).send(new GetSessionTokenCommand({ DurationSeconds: 3600 }));
    const creds = (c: typeof assumed.Credentials): Creds => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });
    await a.stop();

    vi.setSystemTime(T0 + 600_000);
    const b = await start(dir);
    expect((await sts(b, creds(assumed.Credentials)).send(new GetCallerIdentityCommand({}))).Arn).toBe("arn:aws:sts::123456789012:assumed-role/deploy/ci");
    expect((await sts(b, creds(own.Credentials)).send(new GetCallerIdentityCommand({}))).Arn).toBe("arn:aws:iam::123456789012:root");
    vi.setSystemTime(T0 + 900_000);
    const expired = await sts(b, creds(assumed.Credentials)).send(new GetCallerIdentityCommand({})).catch((e) => e);
    expect(expired.name).toBe("ExpiredToken");
    expect((await sts(b, creds(own.Credentials)).send(new GetCallerIdentityCommand({}))).Account).toBe("123456789012");
  });
});
