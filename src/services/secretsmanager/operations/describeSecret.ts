import type { Handler } from "../context.js";
import { describeSecret as describe } from "../domain/describe.js";
import { findSecret } from "../domain/lookup.js";

export const describeSecret: Handler<"DescribeSecret"> = (input, ctx) => describe(findSecret(ctx.state, input.SecretId), ctx.state.region);
