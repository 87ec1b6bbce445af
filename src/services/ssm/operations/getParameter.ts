import type { Handler } from "../context.js";
import { requireParameter } from "../domain/find.js";
import { parameterView } from "../domain/views.js";

export const getParameter: Handler<"GetParameter"> = (input, ctx) => ({ Parameter: parameterView(requireParameter(ctx.state, input.Name), input.WithDecryption) });
