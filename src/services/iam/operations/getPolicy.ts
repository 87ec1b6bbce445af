import type { Handler } from "../context.js";
import { findPolicy, policyView } from "../domain/policies.js";

export const getPolicy: Handler<"GetPolicy"> = (input, ctx) => ({ Policy: policyView(ctx.state, findPolicy(ctx.state, input.PolicyArn)) });
