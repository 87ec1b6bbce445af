// Configuration from environment variables and command-line flags; flags win.

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
  /** How long a deleted (INACTIVE) cluster stays listed and describable before it is forgotten. */
  inactiveClusterRetentionMs: number;
  /** How long a new ELBv2 load balancer stays `provisioning` before it is `active`. */
  loadBalancerProvisioningMs: number;
  /**
   * ELBv2's own durations (health checks: interval × healthy threshold; draining: the deregistration
   * delay) as a percentage of AWS's: 100 is real time, 0 (the default) settles at the next turn.
   */
  elbTimePercent: number;
}

export interface Config {
  host: string;
  port: number;
  accountId: string;
  region: string;
  maxBodyBytes: number;
  timings: LifecycleTimings;
  logRequests: boolean;
  /** Checks every response against the model's output shape and fails loudly when one breaks it (tests, CI). */
  validateOutput: boolean;
}

// Zero by default: every transition happens the moment its turn comes, so a waiter's first
// poll already sees the settled state, while each response still shows the state it was in.
export const DEFAULT_TIMINGS: LifecycleTimings = {
  provisioningMs: 0,
  pendingMs: 0,
  activatingMs: 0,
  deactivatingMs: 0,
  stoppingMs: 0,
  deprovisioningMs: 0,
  serviceDrainMs: 0,
  stoppedTaskRetentionMs: 3_600_000,
  inactiveClusterRetentionMs: 3_600_000,
  loadBalancerProvisioningMs: 0,
  elbTimePercent: 0,
};

export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return {
    host: "127.0.0.1",
    port: 4566,
    accountId: "000000000000",
    region: "us-east-1",
    maxBodyBytes: 10 * 1024 * 1024,
    logRequests: false,
    validateOutput: false,
    ...overrides,
    timings: { ...DEFAULT_TIMINGS, ...overrides.timings },
  };
}

const TIMING_ENV: Record<keyof LifecycleTimings, string> = {
  provisioningMs: "ECS_LOCAL_PROVISIONING_MS",
  pendingMs: "ECS_LOCAL_PENDING_MS",
  activatingMs: "ECS_LOCAL_ACTIVATING_MS",
  deactivatingMs: "ECS_LOCAL_DEACTIVATING_MS",
  stoppingMs: "ECS_LOCAL_STOPPING_MS",
  deprovisioningMs: "ECS_LOCAL_DEPROVISIONING_MS",
  serviceDrainMs: "ECS_LOCAL_SERVICE_DRAIN_MS",
  stoppedTaskRetentionMs: "ECS_LOCAL_STOPPED_TASK_RETENTION_MS",
  inactiveClusterRetentionMs: "ECS_LOCAL_INACTIVE_CLUSTER_RETENTION_MS",
  loadBalancerProvisioningMs: "ECS_LOCAL_LB_PROVISIONING_MS",
  elbTimePercent: "ECS_LOCAL_ELB_TIME_PERCENT",
};

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function integer(value: string | undefined, what: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number, got ${JSON.stringify(value)}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): Config {
  const base = defaultConfig();
  const timings = { ...base.timings };
  for (const [key, name] of Object.entries(TIMING_ENV) as [keyof LifecycleTimings, string][]) {
    timings[key] = integer(env[name], name) ?? timings[key];
  }
  const accountId = flag(argv, "account") ?? env.ECS_LOCAL_ACCOUNT_ID ?? base.accountId;
  if (!/^\d{12}$/.test(accountId)) throw new Error(`the account id must be 12 digits, got ${JSON.stringify(accountId)}`);
  return {
    host: flag(argv, "host") ?? env.HOST ?? base.host,
    port: integer(flag(argv, "port") ?? env.PORT, "port") ?? base.port,
    accountId,
    region: flag(argv, "region") ?? env.ECS_LOCAL_REGION ?? env.AWS_DEFAULT_REGION ?? base.region,
    maxBodyBytes: integer(env.ECS_LOCAL_MAX_BODY_BYTES, "ECS_LOCAL_MAX_BODY_BYTES") ?? base.maxBodyBytes,
    logRequests: env.ECS_LOCAL_LOG_REQUESTS === "1" || argv.includes("--log-requests"),
    validateOutput: env.ECS_LOCAL_VALIDATE_OUTPUT === "1",
    timings,
  };
}
