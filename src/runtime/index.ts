// The runtime the configuration asks for.
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { LogSink } from "./awslogs.js";
import { DockerRuntime } from "./docker/docker.js";
import type { ContainerRuntime } from "./runtime.js";
import { SimulatedRuntime } from "./simulated.js";

export function createRuntime(config: Config, logs: LogSink, logger: Logger): ContainerRuntime {
  if (config.runtime === "docker") return new DockerRuntime({ defaultHost: config.dockerHost, keepContainers: config.keepContainers ?? false, logs, logger });
  return new SimulatedRuntime(logs);
}
