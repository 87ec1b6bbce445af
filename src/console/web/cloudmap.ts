// Cloud Map (servicediscovery) as the console reads it, through its awsJson API on the same server.
import type { Input, Operation, Output } from "../../services/servicediscovery/generated/operations.js";
import { TARGET_PREFIX } from "../../services/servicediscovery/generated/operations.js";
import { postJson, type Where } from "./api.js";

export class CloudMap {
  constructor(readonly where: Where) {}

  async call<Op extends Operation>(op: Op, input: Input<Op>): Promise<Output<Op>> {
    return (await postJson(this.where, "servicediscovery", `${TARGET_PREFIX}.${op}`, "1.1", input)) as Output<Op>;
  }
}
