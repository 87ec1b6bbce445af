// What a Systems Manager Parameter Store operation receives besides its input, and the shape of its dispatch table.
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { SsmState } from "./store.js";

export type { SsmState } from "./store.js";

export interface SsmBackend extends ServiceBackend<SsmState> {
  /** The other services' backends, through the ports they offer. */
  peers: Backends;
  /**
   * A parameter's value as a reader with the right to decrypt gets it (ECS task `secrets`,
   * CloudFormation's `AWS::SSM::Parameter::Value` and `{{resolve:ssm:…}}`): by name, ARN, `name:version`
   * or `name:label`, public parameters included; undefined when there is no such parameter.
   */
  parameterValue(accountId: string, region: string, reference: string): ParameterView | undefined;
}

export interface ParameterView {
  name: string;
  arn: string;
  type: "String" | "StringList" | "SecureString";
  /** Decrypted. */
  value: string;
  version: number;
}

export type SsmContext = ServiceContext<SsmState, SsmBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: SsmContext) => Output<Op> | Promise<Output<Op>>;

/** Every generated operation, each with its handler or null while ecs-local lacks it. */
export type Handlers = { [Op in Operation]: Handler<Op> | null };
