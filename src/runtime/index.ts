// The runtime the configuration asks for. The Docker runtime's code is imported only when it is
// configured: a server that simulates its tasks never loads it (start-up counts every module).
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { LogSink } from "./awslogs.js";
import type { ContainerRuntime } from "./runtime.js";

/** The Docker runtime when the configuration names it; undefined keeps the simulated one. */
export async function configuredRuntime(config: Config, logs: LogSink, logger: Logger): Promise<ContainerRuntime | undefined> {
  if (config.runtime !== "docker") return undefined;
  const { DockerRuntime } = await import("./docker/docker.js");
  return new DockerRuntime({ defaultHost: config.dockerHost, keepContainers: config.keepContainers, logs, logger });
}
