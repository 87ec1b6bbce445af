import type { Handler } from "../context.js";
import { TERMINATION_POLICIES } from "../domain/groupInput.js";

export const describeTerminationPolicyTypes: Handler<"DescribeTerminationPolicyTypes"> = () => ({ TerminationPolicyTypes: [...TERMINATION_POLICIES] });
