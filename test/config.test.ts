// Configuration: one table of settings; flags win over the environment; bad values and unknown
// flags are refused naming the culprit; README's table is the one the code derives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, helpText, loadConfig, parseCommandLine, settingsTable } from "../src/config.js";
import { REPO_ROOT } from "../src/paths.js";
import { SETTINGS } from "../src/settings.js";
import { withTable } from "../scripts/settingsDoc.js";

describe("loadConfig", () => {
  it("defaults to 127.0.0.1:4566, account 000000000000, instant lifecycle steps and info text logs", () => {
    const c = loadConfig({}, []);
    expect(c).toMatchObject({ host: "127.0.0.1", port: 4566, accountId: "000000000000", region: "us-east-1", validateOutput: false, runtime: "simulated", logLevel: "info", logFormat: "text", timingProfile: "instant" });
    expect(c.seed).toBeUndefined();
    expect(c.timings.provisioningMs).toBe(0);
    expect(c.timings.stoppedTaskRetentionMs).toBe(3_600_000);
    expect(c.timings.inactiveClusterRetentionMs).toBe(3_600_000);
    expect(loadConfig({ ECS_LOCAL_INACTIVE_CLUSTER_RETENTION_MS: "5000" }, []).timings.inactiveClusterRetentionMs).toBe(5000);
  });

  it("reads the environment, and flags win over it", () => {
    const env = { PORT: "5000", HOST: "0.0.0.0", ECS_LOCAL_ACCOUNT_ID: "111111111111", ECS_LOCAL_PENDING_MS: "250", AWS_DEFAULT_REGION: "eu-west-1", ECS_LOCAL_LOG_FORMAT: "json" };
    expect(loadConfig(env, [])).toMatchObject({ port: 5000, host: "0.0.0.0", accountId: "111111111111", region: "eu-west-1", logFormat: "json" });
    expect(loadConfig(env, []).timings.pendingMs).toBe(250);
    const c = loadConfig(env, ["--port", "6000", "--host=::1", "--account", "222222222222", "--log-format", "text", "--pending-ms=5"]);
    expect(c).toMatchObject({ port: 6000, host: "::1", accountId: "222222222222", logFormat: "text" });
    expect(c.timings.pendingMs).toBe(5);
  });

  it("takes a timing profile, with single steps overriding it", () => {
    const c = loadConfig({ ECS_LOCAL_TIMINGS: "realistic" }, ["--stopping-ms", "7"]);
    expect(c.timingProfile).toBe("realistic");
    expect(c.timings.pendingMs).toBeGreaterThan(0);
    expect(c.timings.stoppingMs).toBe(7);
  });

  it("reads switches, the runtime, the docker host and a seed", () => {
    const c = loadConfig({ DOCKER_HOST: "unix:///tmp/d.sock" }, ["--validate-output", "--runtime", "docker", "--seed", "42", "--log-level=debug"]);
    expect(c).toMatchObject({ validateOutput: true, runtime: "docker", dockerHost: "unix:///tmp/d.sock", seed: "42", logLevel: "debug" });
    expect(loadConfig({ ECS_LOCAL_VALIDATE_OUTPUT: "0" }, []).validateOutput).toBe(false);
    expect(loadConfig({ ECS_LOCAL_VALIDATE_OUTPUT: "1" }, []).validateOutput).toBe(true);
  });

  it("refuses bad values naming the flag or variable they came from", () => {
    const refused = (env: Record<string, string>, argv: string[]): string => {
      try {
        loadConfig(env, argv);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).exitCode).toBe(2);
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refused({ ECS_LOCAL_ACCOUNT_ID: "123" }, [])).toBe('ECS_LOCAL_ACCOUNT_ID must be 12 digits, got "123"');
    expect(refused({}, ["--port", "http"])).toBe('--port must be a whole number from 0 to 65535, got "http"');
    expect(refused({}, ["--port", "70000"])).toBe('--port must be a whole number from 0 to 65535, got "70000"');
    expect(refused({ ECS_LOCAL_STOPPING_MS: "-5" }, [])).toBe('ECS_LOCAL_STOPPING_MS must be a whole number from 0 to 2147483647, got "-5"');
    expect(refused({}, ["--log-level", "loud"])).toBe('--log-level must be one of debug, info, warn, error, silent, got "loud"');
    expect(refused({}, ["--runtime=kubernetes"])).toBe('--runtime must be one of simulated, docker, got "kubernetes"');
    expect(refused({}, ["--docker-host", "/var/run/docker.sock"])).toMatch(/^--docker-host must be a unix:\/\//);
    expect(refused({}, ["--region", "mars"])).toMatch(/^--region must be a region name/);
    expect(refused({}, ["--colour"])).toBe("unknown flag --colour (see --help)");
    expect(refused({}, ["serve"])).toBe('unexpected argument "serve" (see --help)');
    expect(refused({}, ["--port"])).toBe("--port needs a value <port>");
    expect(refused({}, ["--validate-output=maybe"])).toBe('--validate-output must be 1, true, 0 or false, got "maybe"');
  });
});

describe("the command line", () => {
  it("asks for help or the version before reading anything else", () => {
    expect(parseCommandLine({}, ["--help"])).toEqual({ kind: "help" });
    expect(parseCommandLine({}, ["--port", "x", "-h"])).toEqual({ kind: "help" });
    expect(parseCommandLine({}, ["--version"])).toEqual({ kind: "version" });
    expect(parseCommandLine({}, ["--port", "0"])).toMatchObject({ kind: "run", config: { port: 0 } });
  });

  it("--help lists every setting with its variable", () => {
    const text = helpText();
    for (const s of SETTINGS) {
      expect(text).toContain(`--${s.flag}`);
      for (const e of s.env) expect(text).toContain(e);
    }
  });

  it("every setting has its own flag and variables", () => {
    const flags = SETTINGS.map((s) => s.flag);
    const envs = SETTINGS.flatMap((s) => s.env);
    expect(new Set(flags).size).toBe(flags.length);
    expect(new Set(envs).size).toBe(envs.length);
  });

  it("README's configuration table is the one derived from the settings (npm run docs:settings)", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    expect(withTable(readme, settingsTable())).toBe(readme);
  });

  it("picks the container runtime and the Docker engine", () => {
    expect(loadConfig({}, [])).toMatchObject({ runtime: "simulated", dockerHost: "unix:///var/run/docker.sock", keepContainers: false });
    expect(loadConfig({ ECS_LOCAL_RUNTIME: "docker", DOCKER_HOST: "unix:///tmp/d.sock", ECS_LOCAL_KEEP_CONTAINERS: "1" }, [])).toMatchObject({ runtime: "docker", dockerHost: "unix:///tmp/d.sock", keepContainers: true });
    expect(loadConfig({ ECS_LOCAL_RUNTIME: "docker" }, ["--runtime", "simulated"]).runtime).toBe("simulated");
    expect(() => loadConfig({}, ["--runtime=podman"])).toThrow('--runtime must be one of simulated, docker, got "podman"');
  });
});
