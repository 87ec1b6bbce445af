// The checks S3 makes of lifecycle rules before keeping them (the User Guide's "Lifecycle
// configuration elements"): at most 1,000 rules, unique IDs of at most 255 characters, and an action.
import type { LifecycleRule } from "../generated/types.js";
import { s3Errors } from "./errors.js";

export function checkLifecycle(rules: LifecycleRule[]): void {
  if (rules.length === 0 || rules.length > 1000) throw s3Errors.malformedXml();
  const ids = new Set<string>();
  for (const r of rules) {
    if (r.ID !== undefined) {
      if (r.ID.length > 255) throw s3Errors.invalidArgument("ID length should not exceed allowed limit of 255", "ID", r.ID);
      if (ids.has(r.ID)) throw s3Errors.invalidArgument("Rule ID must be unique. Found same ID for more than one rule", "ID", r.ID);
      ids.add(r.ID);
    }
    const acts = r.Expiration ?? r.Transitions ?? r.NoncurrentVersionExpiration ?? r.NoncurrentVersionTransitions ?? r.AbortIncompleteMultipartUpload;
    if (acts === undefined) throw s3Errors.invalidRequest("At least one action needs to be specified in a rule");
  }
}
