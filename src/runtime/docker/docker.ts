// Tasks as real containers through the Docker Engine API. Every call is asynchronous: requests
// never wait on the engine; what the engine does comes back through its event stream as reports.
import { randomBytes } from "node:crypto";
import type { Logger } from "../../log.js";
import type { ContainerInstance, NetworkBinding } from "../../services/ecs/generated/types.js";
import { awslogsTarget, loggerFailure, type LogSink } from "../awslogs.js";
import { OUT_OF_MEMORY, type ContainerFacts, type ContainerRuntime, type ImageSource, type TaskEnvironment, type TaskEvents, type TaskRun, type TaskUsage } from "../runtime.js";
import { boxStats, bridgeGateway, inspectBoxes } from "./inspect.js";
import { DEFAULT_SOCKET, Engine, type Stream } from "./engine.js";
import { adoptContainers, listByLabels, TASK_LABEL } from "./adopt.js";
import { followLogs } from "./logs.js";
import { boundPorts, ensureImage, pullFromRegistry } from "./images.js";
import { createBody, unsupportedFeature, type ContainerPlan } from "./spec.js";
import { dependencies, report, startInOrder, StartFailure, type Box, type Running } from "./taskStart.js";
import { taskUsage } from "./stats.js";

/** A container instance attribute naming the engine its tasks run on; instances without one use the default engine. */
export const HOST_ATTRIBUTE = "ecs-local.docker-host";
/** Labels every container with the server instance that started it, so one server never touches another's. */
export const OWNER_LABEL = "ecs-local.owner";
/** ECS_CONTAINER_STOP_TIMEOUT's default: how long a container has between SIGTERM and SIGKILL. */
const DEFAULT_STOP_TIMEOUT = 30;

class EngineDown extends StartFailure {}

export interface DockerOptions {
  defaultHost?: string;
  keepContainers: boolean;
  /**
   * The label value naming this server's containers. Given (a state directory's), the containers
   * outlive the server and the next run with the same owner takes them over; else a random one.
   */
  owner?: string;
  logs: LogSink;
  logger: Logger;
  /** The name server this engine's bridged containers use (ecs-local's, for Cloud Map names); none: the engine's default. */
  dnsFor?: (engine: Engine) => Promise<string | undefined>;
}

interface Connection {
  engine: Engine;
  byId: Map<string, { r: Running; b: Box }>;
  /** Settles once the event stream is open; false when the engine does not answer. */
  ready?: Promise<boolean>;
  gateway?: Promise<string | undefined>;
  events?: Stream;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class DockerRuntime implements ContainerRuntime {
  readonly kind = "docker";
  /** Stable when containers outlive the server (a state directory); else this run's own. */
  private readonly owner: string;
  private closed = false;
  private readonly resets = new Set<Promise<void>>();
  private readonly connections = new Map<string, Connection>();
  private readonly tasks = new Map<string, Running>();
  private readonly starting = new Map<Running, Promise<void>>();

  constructor(private readonly opts: DockerOptions) {
    this.owner = opts.owner ?? randomBytes(8).toString("hex");
  }

  holds(status: string): boolean {
    return status === "PENDING" || status === "STOPPING";
  }

  onEngine?: (endpoint: string, up: boolean) => void;
  taskEnvironment?: TaskEnvironment;
  imageSource?: ImageSource;
  /** Lost engines are asked every few seconds whether they answer again. */
  private readonly watching = new Map<string, NodeJS.Timeout>();

  endpointOf(instance: ContainerInstance): string {
    return this.endpointFor(instance);
  }

  endpointFor(instance: ContainerInstance | undefined): string {
    return instance?.attributes?.find((a) => a.name === HOST_ATTRIBUTE)?.value ?? this.opts.defaultHost ?? DEFAULT_SOCKET;
  }

  private connection(endpoint: string): Connection {
    let c = this.connections.get(endpoint);
    if (!c) this.connections.set(endpoint, (c = { engine: new Engine(endpoint), byId: new Map() }));
    return c;
  }

  /** Opens the engine's event stream once; a stream that ends on its own means the engine is gone. */
  private connect(c: Connection): Promise<boolean> {
    c.ready ??= (async () => {
      if (!(await c.engine.ping())) return false;
      let buffered = "";
      const filters = JSON.stringify({ type: ["container"], label: [`${OWNER_LABEL}=${this.owner}`] });
      const events = await c.engine.stream("GET", `/events?filters=${encodeURIComponent(filters)}`, (chunk) => {
        const lines = (buffered + chunk.toString("utf8")).split("\n");
        buffered = lines.pop()!;
        for (const line of lines) if (line.trim()) this.onEvent(c, JSON.parse(line));
      });
      c.events = events;
      void events.done.then(() => {
        if (c.events !== events) return;
        c.events = undefined;
        c.ready = undefined;
        this.engineLost(c);
      });
      return true;
    })().catch(() => ((c.ready = undefined), false));
    return c.ready;
  }

  /** An engine that stopped answering is a lost host: its instances disconnect until it answers again. */
  private watch(c: Connection): void {
    const endpoint = c.engine.endpoint;
    if (this.watching.has(endpoint)) return;
    this.onEngine?.(endpoint, false);
    const timer = setInterval(() => {
      void this.connect(c).then((up) => {
        if (!up || this.watching.get(endpoint) !== timer) return;
        clearInterval(timer);
        this.watching.delete(endpoint);
        this.opts.logger.warn(`the Docker engine at ${endpoint} answers again`);
        this.onEngine?.(endpoint, true);
      });
    }, 2000);
    timer.unref();
    this.watching.set(endpoint, timer);
  }

  private engineLost(c: Connection): void {
    this.watch(c);
    this.opts.logger.warn(`the Docker engine at ${c.engine.endpoint} stopped answering; its tasks stop`);
    for (const r of this.tasks.values()) {
      if (r.engine !== c.engine || r.stopping) continue;
      for (const b of r.boxes.values()) b.state = "exited";
      r.events.failed("TerminationNotice", `Docker engine at ${c.engine.endpoint} is unreachable: the container instance was lost`);
    }
  }

  private onEvent(c: Connection, ev: { Type?: string; Action?: string; status?: string; id?: string; Actor?: { ID?: string; Attributes?: Record<string, string> } }): void {
    const hit = c.byId.get(ev.Actor?.ID ?? ev.id ?? "");
    if (!hit) return;
    const { r, b } = hit;
    const action = ev.Action ?? ev.status ?? "";
    const name = b.plan.def.name!;
    if (action === "oom") b.oom = true;
    else if (action.startsWith("health_status")) {
      const health = action.endsWith("unhealthy") ? "UNHEALTHY" : action.endsWith("healthy") ? "HEALTHY" : undefined;
      if (health && health !== b.health && b.state !== "exited") {
        b.health = health;
        r.events.changed({ name, health });
      }
    } else if ((action === "die" || action === "destroy") && b.state !== "exited") {
      b.state = "exited";
      const code = ev.Actor?.Attributes?.exitCode;
      b.exitCode = code === undefined ? undefined : Number(code);
      void this.exited(c, r, b);
    }
    r.wake();
  }

  private async exited(c: Connection, r: Running, b: Box): Promise<void> {
    // The engine may record an OOM kill a moment after the exit (its oom and die events race): a
    // SIGKILLed container is looked at again for a little while before it counts as killed otherwise.
    // Two seconds: on a busy two-core machine the oom event was seen to come more than 0.6 s late.
    // A StopTask's kill (r.stopping) is not waited for.
    for (let i = 0; i < 20 && !b.oom && b.id && (b.exitCode === 137 || b.exitCode === undefined); i++) {
      const info = await c.engine.call("GET", `/containers/${b.id}/json`).catch(() => undefined);
      b.oom ||= info?.State?.OOMKilled === true;
      b.exitCode ??= info?.State?.ExitCode;
      if (b.oom || r.stopping || !info) break;
      await sleep(100);
    }
    r.events.changed({ name: b.plan.def.name!, status: "STOPPED", exitCode: b.exitCode, ...(b.oom ? { reason: OUT_OF_MEMORY } : {}) });
    r.wake();
  }

  /** A task's containers as planned from its definition; the engine's names are chosen here. */
  private track(c: Connection, run: TaskRun, events: TaskEvents): Running {
    const hex = randomBytes(10).toString("hex");
    const r: Running = { run, events, engine: c.engine, boxes: new Map(), order: [], net: { mode: run.td.networkMode ?? "bridge", names: new Map() }, stopping: false, wake: () => {} };
    for (const def of run.td.containerDefinitions ?? []) {
      const plan: ContainerPlan = {
        def,
        override: run.task.overrides?.containerOverrides?.find((o) => o.name === def.name),
        dockerName: `ecs-${run.td.family}-${run.td.revision}-${def.name}-${hex}`.replace(/[^a-zA-Z0-9_.-]/g, "-"),
      };
      r.boxes.set(def.name!, { plan, state: "waiting" });
      r.net.names.set(def.name!, plan.dockerName);
    }
    this.tasks.set(run.task.taskArn!, r);
    return r;
  }

  start(run: TaskRun, events: TaskEvents): void {
    const c = this.connection(this.endpointFor(run.instance));
    const r = this.track(c, run, events);
    const p = this.launch(c, r).catch((e: unknown) => {
      if (r.stopping || this.closed) return;
      const reason = e instanceof StartFailure ? e.message : `CannotStartContainerError: Error response from daemon: ${(e as Error).message}`;
      events.failed("TaskFailedToStart", reason);
      // After the task's own failure: then its instance is lost, so no replacement lands there.
      if (e instanceof EngineDown && run.instance) this.watch(c);
    });
    this.starting.set(r, p);
  }

  async resume(run: TaskRun, events: TaskEvents, status: string): Promise<void> {
    const c = this.connection(this.endpointFor(run.instance));
    // Its start was cut short: the start is done again (the sweep removed what it had created).
    if (status === "PENDING") return this.start(run, events);
    const arn = run.task.taskArn!;
    const found = (await this.connect(c)) ? await listByLabels(c.engine, [`${OWNER_LABEL}=${this.owner}`, `${TASK_LABEL}=${arn}`]).catch(() => undefined) : undefined;
    if (!found) {
      // The engine is gone: the task is lost with its instance, as when an engine stops answering.
      if (status === "STOPPING") return events.stopped();
      events.failed("TerminationNotice", `Docker engine at ${c.engine.endpoint} is unreachable: the container instance was lost`);
      if (run.instance) this.watch(c);
      return;
    }
    const r = this.track(c, run, events);
    for (const b of r.boxes.values()) b.state = "exited";
    const reports = await adoptContainers(c.engine, r, found);
    for (const b of r.order) c.byId.set(b.id!, { r, b });
    // An exit between the look above and the registration went unseen by the event stream: look once more.
    for (const b of r.order.filter((x) => x.state === "running")) {
      const info = await c.engine.call("GET", `/containers/${b.id}/json`).catch(() => undefined);
      if (info?.State?.Running || b.state !== "running") continue;
      b.state = "exited";
      b.exitCode = info?.State?.ExitCode;
      void this.exited(c, r, b);
    }
    // Output is read on from the last line the stream holds: what was written while nobody read is kept.
    for (const b of r.order) {
      const target = awslogsTarget(r.run, b.plan.def, b.id);
      if (!target) continue;
      b.log = { target };
      await this.follow(c.engine, b, this.opts.logs.lastTimestamp(target) ?? 0);
    }
    for (const report of reports) events.changed(report);
    if (status === "STOPPING") this.stop(run, events);
  }

  async sweep(keep: ReadonlySet<string>, endpoints: string[]): Promise<void> {
    if (this.opts.keepContainers) return;
    for (const endpoint of new Set([...endpoints, this.endpointFor(undefined)])) {
      const c = this.connection(endpoint);
      if (!(await this.connect(c))) continue;
      const list = await listByLabels(c.engine, [`${OWNER_LABEL}=${this.owner}`]).catch(() => []);
      await this.remove(
        c.engine,
        list.filter((x) => !keep.has(x.Labels?.[TASK_LABEL] ?? "")).map((x) => x.Id),
      );
    }
  }

  private async launch(c: Connection, r: Running): Promise<void> {
    const bad = unsupportedFeature(r.run);
    if (bad) throw new StartFailure(`CannotStartContainerError: ${bad}`);
    if (!(await this.connect(c))) {
      throw new EngineDown(`CannotStartContainerError: Cannot connect to the Docker daemon at ${c.engine.endpoint}. Is the docker daemon running?`);
    }
    if (this.taskEnvironment) {
      const network = { mode: r.net.mode, gateway: () => (c.gateway ??= bridgeGateway(c.engine)) };
      for (const [name, b] of r.boxes) b.plan.environment = await this.taskEnvironment(r.run, name, network);
    }
    const pulled = new Map<string, { ref?: string; digest?: string }>();
    for (const b of r.boxes.values()) {
      const image = b.plan.def.image!;
      if (!pulled.has(image)) {
        const from = await this.imageSource?.(image, r.run).catch((e: unknown) => {
          throw new StartFailure(`CannotPullContainerError: ${(e as Error).message}`);
        });
        pulled.set(image, from ? await pullFromRegistry(c.engine, from, image) : { digest: await ensureImage(c.engine, image) });
      }
      const got = pulled.get(image)!;
      b.imageDigest = got.digest;
      if (got.ref) b.plan.image = got.ref;
      if (r.stopping) return;
    }
    const bindings = new Map<Box, NetworkBinding[] | undefined>();
    await startInOrder(r, async (b) => void bindings.set(b, await this.startOne(c, r, b)));
    if (r.stopping) return;
    r.events.started([...r.boxes.values()].map((b) => report(b, bindings.get(b))), r.net.ip);
  }

  private async startOne(c: Connection, r: Running, b: Box): Promise<NetworkBinding[] | undefined> {
    const { engine } = c;
    const labels = { [OWNER_LABEL]: this.owner };
    const body = createBody(r.run, b.plan, r.net);
    (body.Labels as Record<string, string>)[OWNER_LABEL] = labels[OWNER_LABEL];
    const host = body.HostConfig as Record<string, unknown>;
    if (this.opts.dnsFor && host.NetworkMode === "bridge" && !host.Dns) {
      const dns = await this.opts.dnsFor(engine);
      if (dns) host.Dns = [dns];
    }
    const created = await engine.call("POST", `/containers/create?name=${encodeURIComponent(b.plan.dockerName)}`, body);
    b.id = created.Id as string;
    c.byId.set(b.id, { r, b });
    r.order.push(b);
    if (r.net.mode === "awsvpc") r.net.owner ??= b.id;
    const target = awslogsTarget(r.run, b.plan.def, b.id);
    if (target) {
      const why = this.opts.logs.openStream(target);
      if (why) throw new StartFailure(loggerFailure(why));
      b.log = { target };
    }
    b.state = "running";
    try {
      await engine.call("POST", `/containers/${b.id}/start`);
    } catch (e) {
      b.state = "exited";
      throw new StartFailure(`CannotStartContainerError: Error response from daemon: ${(e as Error).message}`);
    }
    await this.follow(engine, b);
    if (r.net.mode === "awsvpc" && r.net.owner === b.id) {
      const info = await engine.call("GET", `/containers/${b.id}/json`).catch(() => undefined);
      r.net.ip = info?.NetworkSettings?.IPAddress || undefined;
    }
    if (r.net.mode !== "bridge") return undefined;
    // Only mapped ports are published (spec.ts): without one there is nothing to ask the engine.
    if (!(b.plan.def.portMappings ?? []).some((pm) => pm.containerPort !== undefined)) return [];
    const info = await engine.call("GET", `/containers/${b.id}/json`).catch(() => undefined);
    return info ? boundPorts(info.NetworkSettings?.Ports) : undefined;
  }

  /** Writes the container's output to its awslogs stream (from `after`, epoch ms, when given) until it stops. */
  private async follow(engine: Engine, b: Box, after?: number): Promise<void> {
    if (!b.log) return;
    b.log.stream = await followLogs(engine, b.id!, b.plan.def.pseudoTerminal === true, this.opts.logs, b.log.target, after).catch(() => undefined);
  }

  usage(taskArn: string): Promise<TaskUsage | undefined> {
    const r = this.tasks.get(taskArn);
    if (!r || r.stopping) return Promise.resolve(undefined);
    return taskUsage(r.engine, r.order.filter((b) => b.state === "running").map((b) => b.id!));
  }

  inspect(taskArn: string): Promise<Map<string, ContainerFacts> | undefined> {
    const r = this.tasks.get(taskArn);
    return r ? inspectBoxes(r.engine, r.boxes.values()) : Promise.resolve(undefined);
  }

  stats(taskArn: string): Promise<Map<string, unknown> | undefined> {
    const r = this.tasks.get(taskArn);
    return r ? boxStats(r.engine, r.boxes.values()) : Promise.resolve(undefined);
  }

  stop(run: TaskRun, events: TaskEvents): void {
    const r = this.tasks.get(run.task.taskArn!);
    // Never during the lifecycle's own call: a report always comes later, as a journal replays it.
    if (!r) return queueMicrotask(() => events.stopped());
    if (r.stopping) return;
    r.stopping = true;
    r.wake();
    void this.halt(r).finally(() => events.stopped());
  }

  /** SIGTERM to every container, SIGKILL after its stop timeout; then their logs are drained and they are removed. */
  private async halt(r: Running): Promise<void> {
    await this.starting.get(r);
    this.starting.delete(r);
    const { engine } = r;
    // Dependents stop before what they depend on (the reverse of the start order), each layer at once.
    let left = r.order.filter((b) => b.state !== "exited");
    while (left.length) {
      const layer = left.filter((b) => !left.some((o) => o !== b && dependencies(o.plan.def).includes(b.plan.def.name!)));
      const batch = layer.length ? layer : left;
      await Promise.all(
        batch.map((b) => {
          const t = b.plan.def.stopTimeout ?? DEFAULT_STOP_TIMEOUT;
          return engine.call("POST", `/containers/${b.id}/stop?t=${t}`, undefined, (t + 30) * 1000).catch(() => undefined);
        }),
      );
      left = left.filter((b) => !batch.includes(b));
    }
    // Exit codes arrive with the engine's die events, a moment after the stop calls return: each
    // event wakes the wait (looked at every 50 ms besides, 2 s at most).
    for (let i = 0; i < 40 && r.order.some((b) => b.state !== "exited"); i++) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        r.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    r.wake = () => {};
    await Promise.race([Promise.all(r.order.map((b) => b.log?.stream?.done)), sleep(3000)]);
    this.tasks.delete(r.run.task.taskArn!);
    const c = this.connections.get(engine.endpoint);
    if (!this.opts.keepContainers) await this.remove(engine, r.order.map((b) => b.id!));
    for (const b of r.order) c?.byId.delete(b.id!);
  }

  private async remove(engine: Engine, ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => engine.call("DELETE", `/containers/${id}?force=1&v=1`).catch(() => undefined)));
  }

  /** Forgets every task and removes their containers; tasks started meanwhile (after the reset) keep theirs. */
  reset(): Promise<void> {
    const done = this.forget();
    this.resets.add(done);
    return done.finally(() => this.resets.delete(done));
  }

  private async forget(): Promise<void> {
    const old = new Set(this.tasks.values());
    for (const r of old) {
      r.stopping = true;
      r.wake();
    }
    this.tasks.clear();
    const waits = [...this.starting.values()];
    this.starting.clear();
    await Promise.all(waits);
    for (const c of this.connections.values()) {
      for (const [id, hit] of c.byId) if (old.has(hit.r)) c.byId.delete(id);
      if (this.opts.keepContainers || !c.events) continue;
      const filters = encodeURIComponent(JSON.stringify({ label: [`${OWNER_LABEL}=${this.owner}`] }));
      const list = await c.engine.call<{ Id: string }[]>("GET", `/containers/json?all=1&filters=${filters}`).catch(() => []);
      await this.remove(
        c.engine,
        list.map((x) => x.Id).filter((id) => !c.byId.has(id)),
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.watching.values()) clearInterval(timer);
    this.watching.clear();
    // A reset asked for just before the stop still removes what it was removing.
    await Promise.all(this.resets);
    // Tasks that outlive the server keep their containers running for its next run to take over.
    if (this.opts.owner === undefined) await this.reset();
    else {
      for (const r of this.tasks.values()) {
        r.stopping = true;
        r.wake();
      }
      await Promise.all(this.starting.values());
      for (const r of this.tasks.values()) for (const b of r.order) b.log?.stream?.close();
    }
    for (const c of this.connections.values()) {
      const events = c.events;
      c.events = undefined;
      events?.close();
      c.engine.destroy();
    }
    this.connections.clear();
  }
}
