import type { Handler } from "../context.js";
import { notFound } from "../domain/errors.js";
import { findPolicy, versionsOf, versionView } from "../domain/policies.js";

/** The document comes URL-encoded (RFC 3986), as IAM answers it. */
export const getPolicyVersion: Handler<"GetPolicyVersion"> = (input, ctx) => {
  const version = versionsOf(findPolicy(ctx.state, input.PolicyArn)).find((v) => v.id === input.VersionId);
  if (!version) throw notFound.version(input.PolicyArn, input.VersionId);
  return { PolicyVersion: versionView(version, true) };
};
