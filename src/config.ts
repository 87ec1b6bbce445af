// Configuration from environment variables and command-line flags (flags win), as described by
// the table in settings.ts; a bad value or an unknown flag stops the start with a message naming it.
import type { LogFormat, LogLevel } from "./log.js";
import { SETTINGS, SettingError, TIMING_PROFILES, type Setting, type TimingProfile } from "./settings.js";

export interface LifecycleTimings {
  /** How long a task stays in each state before moving on, in milliseconds. */
  provisioningMs: number;
  pendingMs: number;
  activatingMs: number;
  deactivatingMs: number;
  stoppingMs: number;
  deprovisioningMs: number;
  /** How long a DRAINING service stays DRAINING after its last task stopped. */
  serviceDrainMs: number;
  /** How long a STOPPED task stays describable; ECS keeps them for about an hour. */
  stoppedTaskRetentionMs: number;
  /** How long an INACTIVE service stays describable before it is forgotten. */
  inactiveServiceRetentionMs: number;
  /** How long a deleted (INACTIVE) cluster stays listed and describable before it is forgotten. */
  inactiveClusterRetentionMs: number;
  /** How long an EC2 instance stays pending, stopping and shutting-down. */
  instancePendingMs: number;
  instanceStoppingMs: number;
  instanceShuttingDownMs: number;
  /** How long a new ELBv2 load balancer stays `provisioning` before it is `active`. */
  loadBalancerProvisioningMs: number;
  /** How long a NAT gateway stays `pending` before `available`, and `deleting` before `deleted`. */
  natGatewayProvisioningMs: number;
  /**
   * ELBv2's own durations (health checks: interval × healthy threshold; draining: the deregistration
   * delay) as a percentage of AWS's: 100 is real time, 0 (the default) settles at the next turn.
   */
  elbTimePercent: number;
}

export type Runtime = "simulated" | "docker";

export interface Config {
  host: string;
  port: number;
  accountId: string;
  region: string;
  timingProfile: TimingProfile;
  timings: LifecycleTimings;
  runtime: Runtime;
  dockerHost: string;
  /** Leaves the containers ecs-local started behind on reset, service deletion and shutdown. */
  keepContainers: boolean;
  /** Loopback port offset for ELBv2 listener ports below 1024; -1: listeners are served only by Host through ecs-local's port. */
  elbPortOffset: number;
  /** A DNS server for Cloud Map names on each engine's bridge (Docker runtime). */
  containerDns: boolean;
  /** The task endpoints' port on 169.254.170.2: 80 as on ECS; 0 (or 80 taken) a free one, given by full URI. */
  taskEndpointPort: number;
  /** Whether real containers get AWS_ENDPOINT_URL pointing at ecs-local. */
  taskAwsEndpoint: boolean;
  /** ECR's repository URIs: `local` (`localhost:<port>/<name>`, what `docker push` works with) or `aws` (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`). */
  repositoryUri: "local" | "aws";
  /** The registry behind ECR: a `docker-registry` binary run as a child process (a name on PATH or a path), or the http(s) URL of a running registry. */
  registry: string;
  /** Seeds ids and random choices; absent means a fresh random seed per server. */
  seed?: string;
  /** Where state is kept across restarts; absent keeps everything in memory. */
  stateDir?: string;
  /** `normal`: commits survive the process (kill -9); `full`: also the machine (a sync per commit). */
  stateSync: "normal" | "full";
  /** Journal entries between snapshots of the state (0: only at a clean stop). */
  snapshotEvery: number;
  logLevel: LogLevel;
  logFormat: LogFormat;
  maxBodyBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** Checks every response against the model's output shape and fails loudly when one breaks it (tests, CI). */
  validateOutput: boolean;
}

export const DEFAULT_TIMINGS: LifecycleTimings = {
  ...TIMING_PROFILES.instant,
  stoppedTaskRetentionMs: 3_600_000,
  inactiveServiceRetentionMs: 3_600_000,
  inactiveClusterRetentionMs: 3_600_000,
  instancePendingMs: 0,
  instanceStoppingMs: 0,
  instanceShuttingDownMs: 0,
  loadBalancerProvisioningMs: 0,
  natGatewayProvisioningMs: 0,
  elbTimePercent: 0,
};

/** Settings to change from their defaults; single timings may be given alone. */
export type ConfigOverrides = Omit<Partial<Config>, "timings"> & { timings?: Partial<LifecycleTimings> };

export function defaultConfig(overrides: ConfigOverrides = {}): Config {
  const profile = overrides.timingProfile ?? "instant";
  return {
    host: "127.0.0.1",
    port: 4566,
    accountId: "000000000000",
    region: "us-east-1",
    runtime: "simulated",
    dockerHost: "unix:///var/run/docker.sock",
    keepContainers: false,
    elbPortOffset: 8000,
    containerDns: true,
    taskEndpointPort: 80,
    taskAwsEndpoint: true,
    repositoryUri: "local",
    registry: "docker-registry",
    logLevel: "info",
    logFormat: "text",
    maxBodyBytes: 10 * 1024 * 1024,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 60_000,
    keepAliveTimeoutMs: 65_000,
    shutdownTimeoutMs: 10_000,
    validateOutput: false,
    stateSync: "normal",
    snapshotEvery: 50_000,
    ...overrides,
    timingProfile: profile,
    timings: { ...DEFAULT_TIMINGS, ...TIMING_PROFILES[profile], ...overrides.timings },
  };
}

/** A configuration mistake: the process prints it and exits with status 2. */
export class ConfigError extends Error {
  readonly exitCode = 2;
}

const byFlag = new Map(SETTINGS.map((s) => [s.flag, s]));

function read(s: Setting, text: string, source: string): unknown {
  try {
    return s.parse(text);
  } catch (e) {
    if (e instanceof SettingError) throw new ConfigError(`${source} ${e.message}`);
    throw e;
  }
}

/** The flags given, as setting → text; unknown flags, missing values and stray words are refused. */
function readFlags(argv: readonly string[]): Map<Setting, string> {
  const given = new Map<Setting, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new ConfigError(`unexpected argument ${JSON.stringify(arg)} (see --help)`);
    const s = byFlag.get(m[1]);
    if (!s) throw new ConfigError(`unknown flag --${m[1]} (see --help)`);
    let text = m[2];
    if (text === undefined) {
      if (!s.value) text = "true";
      else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) text = argv[++i];
      else throw new ConfigError(`--${s.flag} needs a value ${s.value}`);
    }
    given.set(s, text);
  }
  return given;
}

function assign(target: Record<string, unknown>, key: string, value: unknown): void {
  const [head, tail] = key.split(".");
  if (tail === undefined) target[head] = value;
  else (target[head] as Record<string, unknown>)[tail] = value;
}

/** The configuration from the environment and flags (flags win); throws ConfigError naming the culprit. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): Config {
  const flags = readFlags(argv.filter((a) => a !== "--help" && a !== "-h" && a !== "--version" && a !== "-v"));
  const values = new Map<Setting, unknown>();
  for (const s of SETTINGS) {
    const flagText = flags.get(s);
    if (flagText !== undefined) {
      values.set(s, read(s, flagText, `--${s.flag}`));
      continue;
    }
    const name = s.env.find((n) => env[n] !== undefined && env[n] !== "");
    if (name) values.set(s, read(s, env[name]!, name));
  }
  // The profile goes first: single timings given beside it override its steps.
  const profile = [...values].find(([s]) => s.key === "timingProfile")?.[1] as TimingProfile | undefined;
  const config = defaultConfig(profile ? { timingProfile: profile } : {}) as unknown as Record<string, unknown>;
  for (const [s, v] of values) assign(config, s.key, v);
  return config as unknown as Config;
}

export type Command = { kind: "help" } | { kind: "version" } | { kind: "run"; config: Config };

/** What the command line asks for: help, the version, or a server with this configuration. */
export function parseCommandLine(env: NodeJS.ProcessEnv, argv: readonly string[]): Command {
  if (argv.includes("--help") || argv.includes("-h")) return { kind: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { kind: "version" };
  return { kind: "run", config: loadConfig(env, argv) };
}

const plain = (md: string): string => md.replace(/`/g, "");

export function helpText(): string {
  const rows = SETTINGS.map((s) => [`--${s.flag}${s.value ? " " + s.value : ""}`, `${plain(s.help)} [${s.env.join(", ")}; default ${plain(s.shown)}]`]);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return [
    "Usage: ecs-local [flags]",
    "",
    "An Amazon ECS endpoint on your machine. Every flag can also be set by the environment variable",
    "shown in brackets; flags win.",
    "",
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`),
    `  ${"--help".padEnd(width)}Print this help and exit.`,
    `  ${"--version".padEnd(width)}Print the version and exit.`,
    "",
  ].join("\n");
}

/** README's configuration table, in Markdown; a test keeps README's copy equal to it. */
export function settingsTable(): string {
  const lines = ["| Flag | Environment | Default | Meaning |", "|---|---|---|---|"];
  for (const s of SETTINGS) {
    lines.push(`| \`--${s.flag}${s.value ? " " + s.value : ""}\` | ${s.env.map((e) => `\`${e}\``).join(", ")} | ${s.shown} | ${s.help} |`);
  }
  return lines.join("\n");
}
