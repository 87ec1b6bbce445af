// The runtime the configuration asks for. The Docker runtime's code is imported only when it is
// configured: a server that simulates its tasks never loads it (start-up counts every module).
import { createHash } from "node:crypto";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { LogSink } from "./awslogs.js";
import type { ContainerRuntime } from "./runtime.js";

/** The Docker runtime when the configuration names it; undefined keeps the simulated one. */
export async function configuredRuntime(config: Config, logs: LogSink, logger: Logger, dnsFor?: (engine: { endpoint: string; call(method: string, path: string): Promise<any> }) => Promise<string | undefined>): Promise<ContainerRuntime | undefined> {
  if (config.runtime !== "docker") return undefined;
  const { DockerRuntime } = await import("./docker/docker.js");
  // With a state directory the tasks outlive the server, and so do their containers: they are named
  // after the directory's seed, and the next start takes them over.
  const owner = config.stateDir !== undefined && config.seed !== undefined ? createHash("sha256").update(`containers/${config.seed}`).digest("hex").slice(0, 16) : undefined;
  return new DockerRuntime({ defaultHost: config.dockerHost, keepContainers: config.keepContainers, owner, logs, logger, dnsFor });
}
