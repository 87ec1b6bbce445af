import type { Handler } from "../context.js";
import { createNamespace } from "../domain/namespaces.js";

export const createHttpNamespace: Handler<"CreateHttpNamespace"> = (input, ctx) => createNamespace(ctx, { ...input, type: "HTTP" });
