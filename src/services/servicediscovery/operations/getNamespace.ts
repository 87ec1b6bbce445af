import type { Handler } from "../context.js";
import { getNamespace as find } from "../domain/lookup.js";
import { namespaceView } from "../domain/views.js";

export const getNamespace: Handler<"GetNamespace"> = (input, ctx) => ({ Namespace: namespaceView(ctx.state, find(ctx.state, input.Id)) });
