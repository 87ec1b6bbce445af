// Every setting once: its flag, environment variables, how its value is read, default and help.
// `--help`, README's configuration table and the parser are all derived from SETTINGS, so adding a
// setting is adding one entry here (and its field in Config).
import type { Config, LifecycleTimings } from "./config.js";

/** Reads a value as given on the command line or in the environment; throws a sentence on a bad one. */
export type Parse = (text: string) => unknown;

export interface Setting {
  /** Where the value goes in Config: a top-level key, or "timings.<key>". */
  key: keyof Config | `timings.${keyof LifecycleTimings}`;
  /** Without the leading dashes. */
  flag: string;
  /** Environment variables, first one winning; the first is the one documented first. */
  env: readonly string[];
  /** Shown in --help after the flag, e.g. "<port>"; absent for on/off switches. */
  value?: string;
  parse: Parse;
  /** The default as documented (the value itself lives in defaultConfig). */
  shown: string;
  help: string;
}

export class SettingError extends Error {}

const bad = (what: string, text: string): never => {
  throw new SettingError(`must be ${what}, got ${JSON.stringify(text)}`);
};

export const parsers = {
  text: (what = "a non-empty value"): Parse => (t) => (t === "" ? bad(what, t) : t),
  integer: (min: number, max: number): Parse => (t) => {
    const n = Number(t);
    return t.trim() === "" || !Number.isInteger(n) || n < min || n > max ? bad(`a whole number from ${min} to ${max}`, t) : n;
  },
  oneOf: (values: readonly string[]): Parse => (t) => (values.includes(t) ? t : bad(`one of ${values.join(", ")}`, t)),
  pattern: (re: RegExp, what: string): Parse => (t) => (re.test(t) ? t : bad(what, t)),
  /** A switch: present on the command line means on; in the environment 1/true/0/false. */
  bool: (): Parse => (t) => (["1", "true", "yes", "on"].includes(t.toLowerCase()) ? true : ["0", "false", "no", "off"].includes(t.toLowerCase()) ? false : bad("1, true, 0 or false", t)),
};

const MS = parsers.integer(0, 2_147_483_647);

export const TIMING_PROFILES = {
  /** Every transition happens the moment its turn comes: a waiter's first poll sees the settled state. */
  instant: { provisioningMs: 0, pendingMs: 0, activatingMs: 0, deactivatingMs: 0, stoppingMs: 0, deprovisioningMs: 0, serviceDrainMs: 0 },
  /** Seconds, of the order a small Fargate task takes, for watching states change and testing pollers. */
  realistic: { provisioningMs: 5_000, pendingMs: 10_000, activatingMs: 2_000, deactivatingMs: 2_000, stoppingMs: 5_000, deprovisioningMs: 5_000, serviceDrainMs: 10_000 },
} as const;
export type TimingProfile = keyof typeof TIMING_PROFILES;

const timing = (key: keyof typeof TIMING_PROFILES.instant, flag: string, state: string): Setting => ({
  key: `timings.${key}`,
  flag,
  env: [`ECS_LOCAL_${flag.toUpperCase().replace(/-/g, "_")}`],
  value: "<ms>",
  parse: MS,
  shown: "from `--timings`",
  help: `How long a task stays ${state}, in milliseconds.`,
});

export const SETTINGS: readonly Setting[] = [
  { key: "host", flag: "host", env: ["HOST"], value: "<address>", parse: parsers.text("an address"), shown: "`127.0.0.1`", help: "Address to listen on (`0.0.0.0` in a container)." },
  { key: "port", flag: "port", env: ["PORT"], value: "<port>", parse: parsers.integer(0, 65535), shown: "`4566`", help: "Port to listen on; `0` picks a free one (the line printed at start names it)." },
  { key: "accountId", flag: "account", env: ["ECS_LOCAL_ACCOUNT_ID"], value: "<12 digits>", parse: parsers.pattern(/^\d{12}$/, "12 digits"), shown: "`000000000000`", help: "Account for requests whose access key id is not 12 digits." },
  { key: "region", flag: "region", env: ["ECS_LOCAL_REGION", "AWS_DEFAULT_REGION", "AWS_REGION"], value: "<region>", parse: parsers.pattern(/^[a-z]{2}(-[a-z]+)+-\d+$/, "a region name such as us-east-1"), shown: "`us-east-1`", help: "Region for requests that carry no SigV4 credential scope." },
  { key: "timingProfile", flag: "timings", env: ["ECS_LOCAL_TIMINGS"], value: "<profile>", parse: parsers.oneOf(Object.keys(TIMING_PROFILES)), shown: "`instant`", help: "Lifecycle durations: `instant` (every step at once) or `realistic` (seconds per step); the settings below override single steps." },
  timing("provisioningMs", "provisioning-ms", "PROVISIONING"),
  timing("pendingMs", "pending-ms", "PENDING"),
  timing("activatingMs", "activating-ms", "ACTIVATING"),
  timing("deactivatingMs", "deactivating-ms", "DEACTIVATING"),
  timing("stoppingMs", "stopping-ms", "STOPPING"),
  timing("deprovisioningMs", "deprovisioning-ms", "DEPROVISIONING"),
  { key: "timings.serviceDrainMs", flag: "service-drain-ms", env: ["ECS_LOCAL_SERVICE_DRAIN_MS"], value: "<ms>", parse: MS, shown: "from `--timings`", help: "How long a deleted service stays DRAINING after its last task stopped." },
  { key: "timings.stoppedTaskRetentionMs", flag: "stopped-task-retention-ms", env: ["ECS_LOCAL_STOPPED_TASK_RETENTION_MS"], value: "<ms>", parse: MS, shown: "`3600000`", help: "How long a STOPPED task stays describable (ECS keeps them about an hour)." },
  { key: "timings.inactiveServiceRetentionMs", flag: "inactive-service-retention-ms", env: ["ECS_LOCAL_INACTIVE_SERVICE_RETENTION_MS"], value: "<ms>", parse: MS, shown: "`3600000`", help: "How long a deleted (INACTIVE) service stays describable before it is forgotten." },
  { key: "timings.inactiveClusterRetentionMs", flag: "inactive-cluster-retention-ms", env: ["ECS_LOCAL_INACTIVE_CLUSTER_RETENTION_MS"], value: "<ms>", parse: MS, shown: "`3600000`", help: "How long a deleted cluster stays listed (`ListClusters`) and describable as INACTIVE before it is forgotten, as ECS keeps them \"for a period of time\"." },
  { key: "timings.instancePendingMs", flag: "instance-pending-ms", env: ["ECS_LOCAL_INSTANCE_PENDING_MS"], value: "<ms>", parse: MS, shown: "`0`", help: "How long an EC2 instance stays `pending` before `running` (when it joins its ECS cluster)." },
  { key: "timings.instanceStoppingMs", flag: "instance-stopping-ms", env: ["ECS_LOCAL_INSTANCE_STOPPING_MS"], value: "<ms>", parse: MS, shown: "`0`", help: "How long an EC2 instance stays `stopping` before `stopped`." },
  { key: "timings.instanceShuttingDownMs", flag: "instance-shutting-down-ms", env: ["ECS_LOCAL_INSTANCE_SHUTTING_DOWN_MS"], value: "<ms>", parse: MS, shown: "`0`", help: "How long an EC2 instance stays `shutting-down` before `terminated`." },
  { key: "timings.loadBalancerProvisioningMs", flag: "lb-provisioning-ms", env: ["ECS_LOCAL_LB_PROVISIONING_MS"], value: "<ms>", parse: MS, shown: "`0`", help: "How long a new ELBv2 load balancer stays `provisioning` before it is `active`." },
  { key: "timings.natGatewayProvisioningMs", flag: "nat-gateway-provisioning-ms", env: ["ECS_LOCAL_NAT_GATEWAY_PROVISIONING_MS"], value: "<ms>", parse: MS, shown: "`0`", help: "How long a new EC2 NAT gateway stays `pending` before `available`, and a deleted one `deleting` before `deleted`." },
  { key: "timings.elbTimePercent", flag: "elb-time-percent", env: ["ECS_LOCAL_ELB_TIME_PERCENT"], value: "<percent>", parse: parsers.integer(0, 1000), shown: "`0`", help: "ELBv2's own durations (health checks: interval × healthy threshold; draining: the deregistration delay) as a percentage of AWS's: `100` is real time, `0` settles at once." },
  { key: "elbPortOffset", flag: "elb-port-offset", env: ["ECS_LOCAL_ELB_PORT_OFFSET"], value: "<offset>", parse: (t) => (t === "off" ? -1 : parsers.integer(0, 64_511)(t)), shown: "`8000`", help: "Each ELBv2 listener is also served on the loopback: ports below 1024 at the port plus this offset (80 at 8080), others at their own number, when free; `off` serves listeners only through ecs-local's port by `Host` (`<name>.elb.localhost`)." },
  { key: "containerDns", flag: "container-dns", env: ["ECS_LOCAL_CONTAINER_DNS"], parse: parsers.bool(), shown: "on", help: "With `--runtime docker`, containers resolve Cloud Map names (`<service>.<namespace>`) through a DNS server ecs-local runs on each engine's bridge gateway (port 53; needs the privilege to bind it)." },
  { key: "runtime", flag: "runtime", env: ["ECS_LOCAL_RUNTIME"], value: "<runtime>", parse: parsers.oneOf(["simulated", "docker"]), shown: "`simulated`", help: "What runs tasks: `simulated` (no containers) or `docker` (containers on the Docker engine at `--docker-host`)." },
  { key: "dockerHost", flag: "docker-host", env: ["DOCKER_HOST"], value: "<url>", parse: parsers.pattern(/^(unix|tcp|http|https):\/\/.+/, "a unix://, tcp:// or http(s):// address"), shown: "`unix:///var/run/docker.sock`", help: "The Docker engine for container instances that name none (see Real containers)." },
  { key: "keepContainers", flag: "keep-containers", env: ["ECS_LOCAL_KEEP_CONTAINERS"], parse: parsers.bool(), shown: "off", help: "Leave the containers ecs-local started behind when tasks stop, on reset and at shutdown." },
  { key: "taskEndpointPort", flag: "task-endpoint-port", env: ["ECS_LOCAL_TASK_ENDPOINT_PORT"], value: "<port>", parse: parsers.integer(0, 65535), shown: "`80`", help: "Port of the task metadata and credentials endpoints on `169.254.170.2` (real containers): on `80`, as on ECS, containers get `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`; when it is taken, or `0`, a free port and `AWS_CONTAINER_CREDENTIALS_FULL_URI` (see Task endpoints)." },
  { key: "taskAwsEndpoint", flag: "task-aws-endpoint", env: ["ECS_LOCAL_TASK_AWS_ENDPOINT"], parse: parsers.bool(), shown: "on", help: "Give real containers `AWS_ENDPOINT_URL` pointing at ecs-local as they reach it, so their SDKs' calls land here; `0` leaves them to AWS." },
  { key: "repositoryUri", flag: "repository-uri", env: ["ECS_LOCAL_REPOSITORY_URI"], value: "<form>", parse: parsers.oneOf(["local", "aws"]), shown: "`local`", help: "ECR's repository URIs: `local` is `localhost:<port>/<name>`, which `docker push` and `docker pull` work with as they are; `aws` is AWS's `<account>.dkr.ecr.<region>.amazonaws.com/<name>`. Tasks run images named either way from ecs-local's registry (see ECR)." },
  { key: "registry", flag: "registry", env: ["ECS_LOCAL_REGISTRY"], value: "<program-or-url>", parse: parsers.text("a program or a URL"), shown: "`docker-registry`", help: "The registry behind ECR's `/v2/`: the reference registry's binary (Debian's `docker-registry`, on `PATH` or by path), run as a child process with its storage in the state directory (else a temporary one); or the `http(s)://` URL of a registry that is already running." },
  { key: "seed", flag: "seed", env: ["ECS_LOCAL_SEED"], value: "<text>", parse: parsers.text("a non-empty seed"), shown: "random", help: "Seeds every id and random choice, so a run with the same seed and requests makes the same ids." },
  { key: "stateDir", flag: "state-dir", env: ["ECS_LOCAL_STATE_DIR"], value: "<dir>", parse: parsers.text("a directory"), shown: "none (in memory)", help: "Keep state in this directory (created if missing): every acknowledged change survives a restart and a crash (see Persistence)." },
  { key: "stateSync", flag: "state-sync", env: ["ECS_LOCAL_STATE_SYNC"], value: "<mode>", parse: parsers.oneOf(["normal", "full"]), shown: "`normal`", help: "`normal`: an answered change survives the process being killed (`kill -9`, a crash); `full`: also the machine crashing, at a disk sync per turn of the event loop that changed something." },
  { key: "snapshotEvery", flag: "snapshot-every", env: ["ECS_LOCAL_SNAPSHOT_EVERY"], value: "<entries>", parse: parsers.integer(0, 1_000_000_000), shown: "`50000`", help: "With `--state-dir`, a snapshot of the whole state is written after this many journal entries (and at a clean stop), so a start replays only what came after it; a large state waits for one entry per 1,000 bytes of its last snapshot when that is more; `0`: only at a clean stop." },
  { key: "logLevel", flag: "log-level", env: ["ECS_LOCAL_LOG_LEVEL"], value: "<level>", parse: parsers.oneOf(["debug", "info", "warn", "error", "silent"]), shown: "`info`", help: "`info` logs one line per request; `warn` and `error` only problems; faults carry their stack." },
  { key: "logFormat", flag: "log-format", env: ["ECS_LOCAL_LOG_FORMAT"], value: "<format>", parse: parsers.oneOf(["text", "json"]), shown: "`text`", help: "`text` lines, or `json`: one JSON object per line." },
  { key: "maxBodyBytes", flag: "max-body-bytes", env: ["ECS_LOCAL_MAX_BODY_BYTES"], value: "<bytes>", parse: parsers.integer(1, 1_073_741_824), shown: "`10485760`", help: "Largest request body; a larger one gets `413 RequestEntityTooLargeException`." },
  { key: "headersTimeoutMs", flag: "headers-timeout-ms", env: ["ECS_LOCAL_HEADERS_TIMEOUT_MS"], value: "<ms>", parse: parsers.integer(1, 3_600_000), shown: "`10000`", help: "A client that has not sent its request headers by then is answered 408 and disconnected." },
  { key: "requestTimeoutMs", flag: "request-timeout-ms", env: ["ECS_LOCAL_REQUEST_TIMEOUT_MS"], value: "<ms>", parse: parsers.integer(1, 3_600_000), shown: "`60000`", help: "A client that has not sent its whole request by then is answered 408 and disconnected." },
  { key: "keepAliveTimeoutMs", flag: "keep-alive-timeout-ms", env: ["ECS_LOCAL_KEEP_ALIVE_TIMEOUT_MS"], value: "<ms>", parse: parsers.integer(1, 3_600_000), shown: "`65000`", help: "How long an idle keep-alive connection stays open." },
  { key: "shutdownTimeoutMs", flag: "shutdown-timeout-ms", env: ["ECS_LOCAL_SHUTDOWN_TIMEOUT_MS"], value: "<ms>", parse: parsers.integer(0, 600_000), shown: "`10000`", help: "On SIGTERM/SIGINT, how long requests in flight may take to finish before connections are cut." },
  { key: "validateOutput", flag: "validate-output", env: ["ECS_LOCAL_VALIDATE_OUTPUT"], parse: parsers.bool(), shown: "off", help: "Check every response against the model's output shape; one that breaks it becomes a logged 500 (the tests run with this on)." },
];
