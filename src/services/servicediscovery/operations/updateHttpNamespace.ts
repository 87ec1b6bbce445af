import type { Handler } from "../context.js";
import { updateNamespace } from "../domain/updateNamespace.js";

export const updateHttpNamespace: Handler<"UpdateHttpNamespace"> = (input, ctx) => updateNamespace(ctx, input.Id, "HTTP", input.Namespace.Description);
