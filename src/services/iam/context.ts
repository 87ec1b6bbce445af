// What a IAM operation receives besides its input, and the shape of its dispatch table.
import type { Caller } from "../../protocol/context.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";

/** IAM state of one account: global, the same store answers every region. */
export interface IamState {
  accountId: string;
  region: string;
}

export interface IamBackend extends ServiceBackend<IamState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
  /** The user an access key id belongs to, when IAM issued it (CreateAccessKey). */
  callerOf(accessKeyId: string): Caller | undefined;
  /** A role of the account by its ARN: what STS AssumeRole takes. */
  role(accountId: string, arn: string): RoleView | undefined;
  /** An instance profile of the account by name or ARN: what EC2's `IamInstanceProfile` names. */
  instanceProfile(accountId: string, nameOrArn: string): InstanceProfileView | undefined;
}

/** A role as other services see it. */
export interface RoleView {
  arn: string;
  roleName: string;
  /** `AROA…`. */
  roleId: string;
  /** The trust policy, decoded (IAM answers it URL-encoded on the wire). */
  assumeRolePolicyDocument: string;
  /** Seconds; 3600 unless set. */
  maxSessionDuration: number;
}

/** An instance profile as EC2 shows it on an instance (`IamInstanceProfile: {Arn, Id}`). */
export interface InstanceProfileView {
  arn: string;
  /** `AIPA…`. */
  id: string;
  name: string;
}

export type IamContext = ServiceContext<IamState, IamBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: IamContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
