import type { Handler } from "../context.js";
import { cancelImageWrite } from "../domain/imageWrites.js";
import { parameterKey, reservedNameError, trimName, wellFormedName } from "../domain/names.js";

export const deleteParameters: Handler<"DeleteParameters"> = (input, ctx) => {
  const names = input.Names.map(trimName);
  // A reserved name refuses the whole request, as DeleteParameter refuses it, before anything is deleted.
  for (const name of names) {
    const reserved = wellFormedName(name) ? reservedNameError(name) : undefined;
    if (reserved) throw reserved;
  }
  const deleted: string[] = [];
  const invalid: string[] = [];
  input.Names.forEach((given, i) => {
    const key = parameterKey(names[i]);
    if (wellFormedName(names[i]) && ctx.state.parameters.delete(key)) {
      cancelImageWrite(ctx.backend, ctx.state, key);
      deleted.push(given);
    } else invalid.push(given);
  });
  return { DeletedParameters: deleted, InvalidParameters: invalid };
};
