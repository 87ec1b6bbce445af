import type { Handler } from "../context.js";
import { changed, writableSecret } from "../domain/secrets.js";
import { mergeTags } from "../domain/tags.js";

export const tagResource: Handler<"TagResource"> = (input, ctx) => {
  const secret = writableSecret(ctx, input.SecretId);
  secret.tags = mergeTags(secret.tags, input.Tags);
  changed(ctx, secret);
  return {};
};
