import type { Handler } from "../context.js";
import { changed, writableSecret } from "../domain/secrets.js";
import { removeTags } from "../domain/tags.js";

export const untagResource: Handler<"UntagResource"> = (input, ctx) => {
  const secret = writableSecret(ctx, input.SecretId);
  secret.tags = removeTags(secret.tags, input.TagKeys);
  changed(ctx, secret);
  return {};
};
