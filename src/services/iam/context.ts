// What a IAM operation receives besides its input, and the shape of its dispatch table.
import type { Caller } from "../../protocol/context.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { DeletionTaskStatusType, Tag, statusType } from "./generated/types.js";

/** Inline policies of a role or user, by name (as given), and the managed policies attached to it, by ARN in attach order. */
export interface PolicyHolder {
  inline: Map<string, string>;
  attached: string[];
}

export interface RoleRecord extends PolicyHolder {
  /** When it was made among the account's entities: lists answer in this order, markers point into it. */
  seq: number;
  name: string;
  path: string;
  /** `AROA…`. */
  id: string;
  arn: string;
  createDate: number;
  /** The trust policy as it was given (answered URL-encoded). */
  trustPolicy: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Tag[];
  /** The AWS service a service-linked role belongs to (`ecs.amazonaws.com`): only that service may change it. */
  linkedService?: string;
}

export interface PolicyVersionRecord {
  id: string;
  document: string;
  createDate: number;
}

/** A customer managed policy of the account. */
export interface PolicyRecord {
  seq: number;
  name: string;
  path: string;
  /** `ANPA…`. */
  id: string;
  arn: string;
  description?: string;
  createDate: number;
  updateDate: number;
  defaultVersion: string;
  /** Oldest first. */
  versions: PolicyVersionRecord[];
  /** The number the next version takes: IAM never gives a deleted version's id again. */
  nextVersion: number;
  tags: Tag[];
  usage: PolicyUsage;
}

/** How many roles and users a managed policy is attached to, and is the permissions boundary of. */
export interface PolicyUsage {
  attachments: number;
  boundaries: number;
}

export interface InstanceProfileRecord {
  seq: number;
  name: string;
  path: string;
  /** `AIPA…`. */
  id: string;
  arn: string;
  createDate: number;
  /** The role in it, by key (at most one). */
  roles: string[];
  tags: Tag[];
}

export interface AccessKeyRecord {
  id: string;
  secret: string;
  status: statusType;
  createDate: number;
}

export interface UserRecord extends PolicyHolder {
  seq: number;
  name: string;
  path: string;
  /** `AIDA…`. */
  id: string;
  arn: string;
  createDate: number;
  permissionsBoundary?: string;
  tags: Tag[];
  keys: AccessKeyRecord[];
}

/** IAM state of one account: global, the same store answers every region. */
export interface IamState {
  accountId: string;
  region: string;
  /** The creation counter behind each entity's `seq`. */
  seq: number;
  /** Roles, users and instance profiles by their name in lower case: IAM does not tell names apart by case. */
  roles: Map<string, RoleRecord>;
  users: Map<string, UserRecord>;
  instanceProfiles: Map<string, InstanceProfileRecord>;
  /** Customer managed policies by ARN. */
  policies: Map<string, PolicyRecord>;
  /** Use of the AWS managed policies in this account, by ARN (the policies themselves are in every account). */
  awsPolicyUsage: Map<string, PolicyUsage>;
  aliases: string[];
  /** Service-linked role deletions by task id. */
  deletionTasks: Map<string, DeletionTaskStatusType>;
}

export interface IamBackend extends ServiceBackend<IamState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
  /** Every access key CreateAccessKey issued, to its account and user (key): what `callerOf` reads. */
  keys: Map<string, { accountId: string; user: string }>;
  /** The user an access key id belongs to, when IAM issued it (CreateAccessKey); throws InvalidClientTokenId for an inactive one. */
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
