// Configuration: flags win over the environment, bad values are refused before the server starts.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("defaults to 127.0.0.1:4566, account 000000000000 and zero-length lifecycle steps", () => {
    const c = loadConfig({}, []);
    expect(c).toMatchObject({ host: "127.0.0.1", port: 4566, accountId: "000000000000", region: "us-east-1", validateOutput: false });
    expect(c.timings.provisioningMs).toBe(0);
    expect(c.timings.stoppedTaskRetentionMs).toBe(3_600_000);
    expect(c.timings.inactiveClusterRetentionMs).toBe(3_600_000);
    expect(loadConfig({ ECS_LOCAL_INACTIVE_CLUSTER_RETENTION_MS: "5000" }, []).timings.inactiveClusterRetentionMs).toBe(5000);
  });

  it("reads the environment, and flags win over it", () => {
    const env = { PORT: "5000", HOST: "0.0.0.0", ECS_LOCAL_ACCOUNT_ID: "111111111111", ECS_LOCAL_PENDING_MS: "250", AWS_DEFAULT_REGION: "eu-west-1" };
    expect(loadConfig(env, [])).toMatchObject({ port: 5000, host: "0.0.0.0", accountId: "111111111111", region: "eu-west-1" });
    expect(loadConfig(env, []).timings.pendingMs).toBe(250);
    expect(loadConfig(env, ["--port", "6000", "--host=::1", "--account", "222222222222"])).toMatchObject({ port: 6000, host: "::1", accountId: "222222222222" });
  });

  it("refuses an account id that is not 12 digits and a port that is not a number", () => {
    expect(() => loadConfig({ ECS_LOCAL_ACCOUNT_ID: "123" }, [])).toThrow("the account id must be 12 digits");
    expect(() => loadConfig({}, ["--port", "http"])).toThrow("port must be a whole number");
    expect(() => loadConfig({ ECS_LOCAL_STOPPING_MS: "-5" }, [])).toThrow("ECS_LOCAL_STOPPING_MS must be a whole number");
  });

  it("picks the container runtime and the Docker engine", () => {
    expect(loadConfig({}, [])).toMatchObject({ runtime: "simulated", dockerHost: undefined, keepContainers: false });
    expect(loadConfig({ ECS_LOCAL_RUNTIME: "docker", DOCKER_HOST: "unix:///tmp/d.sock", ECS_LOCAL_KEEP_CONTAINERS: "1" }, [])).toMatchObject({ runtime: "docker", dockerHost: "unix:///tmp/d.sock", keepContainers: true });
    expect(loadConfig({ ECS_LOCAL_RUNTIME: "docker" }, ["--runtime", "simulated"]).runtime).toBe("simulated");
    expect(() => loadConfig({}, ["--runtime=podman"])).toThrow('the runtime must be "simulated" or "docker", got "podman"');
  });
});
