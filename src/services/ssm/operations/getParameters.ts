import type { Handler, SsmContext } from "../context.js";
import { findParameter, type Found } from "../domain/find.js";
import { parseReference } from "../domain/references.js";
import { wellFormedName } from "../domain/names.js";
import { parameterView } from "../domain/views.js";
import type { Parameter } from "../generated/types.js";

/** A name GetParameters cannot answer (absent, malformed, a version the parameter lacks) goes to InvalidParameters. */
function tryFind(ctx: SsmContext, name: string): Found | undefined {
  const ref = parseReference(name);
  if (!ref || !wellFormedName(ref.name)) return undefined;
  try {
    return findParameter(ctx.state, name);
  } catch {
    return undefined;
  }
}

export const getParameters: Handler<"GetParameters"> = (input, ctx) => {
  const parameters: Parameter[] = [];
  const invalid: string[] = [];
  for (const name of new Set(input.Names)) {
    const found = tryFind(ctx, name);
    if (found) parameters.push(parameterView(found, input.WithDecryption));
    else invalid.push(name);
  }
  // "The results for GetParameters requests are listed in alphabetical order" (the model's documentation).
  parameters.sort((a, b) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : 0));
  return { Parameters: parameters, InvalidParameters: invalid };
};
