import type { Handler } from "../context.js";
import { getService as find } from "../domain/lookup.js";
import { serviceView } from "../domain/views.js";

export const getService: Handler<"GetService"> = (input, ctx) => ({ Service: serviceView(find(ctx.state, input.Id)) });
