// What a Cloud Map operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { ServiceDiscoveryState } from "./store.js";
import type { RegistryPort } from "./port.js";

export type { ServiceDiscoveryState } from "./store.js";

export interface ServiceDiscoveryBackend extends ServiceBackend<ServiceDiscoveryState> {
  /** The other services' backends (EC2's VPCs), through the ports they offer. */
  peers: Backends;
  /** What ECS registers its tasks through, and the DNS server reads names from. */
  registry: RegistryPort;
}

export type ServiceDiscoveryContext = ServiceContext<ServiceDiscoveryState, ServiceDiscoveryBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: ServiceDiscoveryContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
