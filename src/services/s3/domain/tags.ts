// Bucket tags as S3 checks them: at most 50, unique keys of 1–128 characters, values of at most 256,
// and no key starting with `aws:` (reserved for AWS).
import type { Tag } from "../generated/types.js";
import { s3Errors } from "./errors.js";

export function checkTags(tags: Tag[]): void {
  if (tags.length > 50) throw s3Errors.invalidRequest("Bucket tag count cannot be greater than 50");
  const keys = new Set<string>();
  for (const t of tags) {
    if (t.Key.length === 0 || t.Key.length > 128) throw s3Errors.invalidArgument("The TagKey you have provided is invalid", "TagKey", t.Key);
    if (t.Value.length > 256) throw s3Errors.invalidArgument("The TagValue you have provided is invalid", "TagValue", t.Value);
    if (t.Key.toLowerCase().startsWith("aws:")) throw s3Errors.invalidArgument("Your TagKey cannot be prefixed with aws:", "TagKey", t.Key);
    if (keys.has(t.Key)) throw s3Errors.invalidArgument("Cannot provide multiple Tags with the same key", "TagKey", t.Key);
    keys.add(t.Key);
  }
}
