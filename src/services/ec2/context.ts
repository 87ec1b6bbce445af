// What an EC2 operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { IdSource } from "../../state/ids.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { Instance, NetworkInterface, SecurityGroup, Subnet, Tag, Vpc } from "./generated/types.js";
import type { ComputeState, InstanceSettings } from "./domain/computeState.js";
import type { NetworkState } from "./networkState.js";

export interface VpcRecord {
  /** As DescribeVpcs answers it, tags apart (they live in `tags`). */
  vpc: Vpc;
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
  enableNetworkAddressUsageMetrics: boolean;
}

export interface SubnetRecord {
  subnet: Subnet;
  /** Private addresses in use (instances, interfaces), as 32-bit numbers. */
  used: Set<number>;
  /** Where the search for the next free address starts. */
  next: number;
}

export interface InstanceRecord {
  instance: Instance;
  reservationId: string;
  /** The user data as given (base64), read by whoever boots on the instance (the ECS agent). */
  userData?: string;
  /** The pending clock-driven transition, cancelled when another one overtakes it. */
  timer?: { fn: (() => void) | undefined };
  /** What DescribeInstanceAttribute answers beyond the instance itself (protections, shutdown behaviour, CPU credits). */
  settings?: InstanceSettings;
}

/** EC2 resources of one account in one region (the routing and addressing ones in NetworkState, images, key pairs, launch templates and volumes in ComputeState). */
export interface Ec2State extends NetworkState, ComputeState {
  accountId: string;
  region: string;
  /** The service's id source (seeded: a replay makes the same ids). */
  ids: IdSource;
  vpcs: Map<string, VpcRecord>;
  subnets: Map<string, SubnetRecord>;
  securityGroups: Map<string, SecurityGroup>;
  /** Instances in launch order; terminated ones stay describable. */
  instances: Map<string, InstanceRecord>;
  networkInterfaces: Map<string, NetworkInterface>;
  /** Tags of every resource by its id, in the order they were added. */
  tags: Map<string, Tag[]>;
}

/** An instance's state changed; `previous` is the state it left. */
export type InstanceListener = (state: Ec2State, rec: InstanceRecord, previous: string) => void;

export interface Ec2Backend extends ServiceBackend<Ec2State> {
  /** The other services' backends (ECS's, …), for operations that act on their state. */
  peers: Backends;
  /** Told of every instance state change: whatever runs on instances (the ECS agent) reacts here. */
  instanceListeners: InstanceListener[];
  /** An image the account can launch in the region, by id: what SSM's `aws:ec2:image` parameters are checked against. */
  image(accountId: string, region: string, imageId: string): ImageView | undefined;
  /**
   * Puts tags that only AWS's own services may set (`aws:autoscaling:groupName` on the instances an
   * Auto Scaling group launches), which CreateTags and TagSpecifications refuse from users.
   */
  awsTags(accountId: string, region: string, resourceId: string, tags: Tag[]): void;
  /** An instance's private IPv4 address (what ECS registers in Cloud Map for bridge and host tasks). */
  privateIp(accountId: string, region: string, instanceId: string): string | undefined;
}

/** An image as other services see it. */
export interface ImageView {
  imageId: string;
  name: string;
  architecture: string;
  /** True for Amazon's ECS-optimized images, on which the ECS agent starts. */
  ecsOptimized: boolean;
}

export type Ec2Context = ServiceContext<Ec2State, Ec2Backend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: Ec2Context) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
