// --state-dir keeps Secrets Manager: secrets come back with their versions, labels and last-access
// day (GetSecretValue is journaled), a recovery window that ended while the server was down has
// deleted its secret, and one still running ends at its time. The wall clock is moved by faking
// Date alone (the state directory's clock reads it); real timers stay real.
import { DeleteSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, ListSecretVersionIdsCommand, PutSecretValueCommand, CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { describe, expect, it, vi } from "vitest";
import { type EcsLocalServer } from "../../src/index.js";
import { stateDirServers } from "../helpers/stateDir.js";
import { tempDir } from "../helpers/tempDir.js";

const servers = stateDirServers();

async function start(stateDir: string): Promise<{ server: EcsLocalServer; sm: SecretsManagerClient }> {
  const server = await servers.start(stateDir);
  const sm = new SecretsManagerClient({ endpoint: server.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  return { server, sm };
}

async function stop(server: EcsLocalServer): Promise<void> {
  await server.stop();
}

const names = async (sm: SecretsManagerClient) => ((await sm.send(new ListSecretsCommand({ IncludePlannedDeletion: true }))).SecretList ?? []).map((s) => s.Name);

describe("--state-dir: Secrets Manager", () => {
  it("keeps secrets, versions, labels and last access; recovery windows end at their time across a restart", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2026, 0, 10, 12));
    const dir = tempDir("ecs-local-state-");
    const a = await start(dir);
    const kept = await a.sm.send(new CreateSecretCommand({ Name: "kept", SecretString: "one" }));
    const v2 = await a.sm.send(new PutSecretValueCommand({ SecretId: "kept", SecretString: "two", VersionStages: ["AWSCURRENT", "BLUE"] }));
    await a.sm.send(new GetSecretValueCommand({ SecretId: "kept" }));
    const week = await a.sm.send(new CreateSecretCommand({ Name: "week", SecretString: "w" }));
    await a.sm.send(new DeleteSecretCommand({ SecretId: "week", RecoveryWindowInDays: 7 }));
    await a.sm.send(new CreateSecretCommand({ Name: "month", SecretString: "m" }));
    const month = await a.sm.send(new DeleteSecretCommand({ SecretId: "month" }));
    const before = await a.sm.send(new ListSecretVersionIdsCommand({ SecretId: "kept" }));
    a.sm.destroy();
    await stop(a.server);

    // Down for eight days: the week's window ended meanwhile, the month's has not.
    vi.setSystemTime(Date.UTC(2026, 0, 18, 12));
    const b = await start(dir);
    expect(await names(b.sm)).toEqual(["kept", "month"]);
    const after = await b.sm.send(new ListSecretVersionIdsCommand({ SecretId: kept.ARN }));
    expect(after.Versions).toEqual(before.Versions);
    expect(after.Versions!.map((v) => [v.VersionId, v.VersionStages])).toEqual([
      [kept.VersionId, ["AWSPREVIOUS"]],
      [v2.VersionId, ["AWSCURRENT", "BLUE"]],
    ]);
    expect((await b.sm.send(new DescribeSecretCommand({ SecretId: "kept" }))).LastAccessedDate).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect((await b.sm.send(new GetSecretValueCommand({ SecretId: "kept", VersionStage: "BLUE" }))).SecretString).toBe("two");
    expect((await b.sm.send(new DescribeSecretCommand({ SecretId: "month" }))).DeletedDate).toEqual(new Date(Date.UTC(2026, 0, 10, 12)));
    expect(month.DeletionDate).toEqual(new Date(Date.UTC(2026, 1, 9, 12)));

    // The month's window ends on time in the running server.
    vi.setSystemTime(Date.UTC(2026, 1, 9, 12) - 1000);
    expect(await names(b.sm)).toEqual(["kept", "month"]);
    vi.setSystemTime(Date.UTC(2026, 1, 9, 12));
    expect(await names(b.sm)).toEqual(["kept"]);
    // A secret created now gets a new ARN, not one from before the restart.
    const next = await b.sm.send(new CreateSecretCommand({ Name: "week", SecretString: "again" }));
    expect(next.ARN).toMatch(/:secret:week-[A-Za-z0-9]{6}$/);
    expect(next.ARN).not.toBe(week.ARN);
    b.sm.destroy();
  }, 60_000);
});
