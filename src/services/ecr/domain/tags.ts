// Repository tags: merged by key on TagResource, at most 50 (the ECR quota), found by the
// repository's ARN.
import { InvalidParameterException, TooManyTagsException } from "../generated/errors.js";
import type { Tag } from "../generated/types.js";
import type { EcrContext } from "../context.js";
import type { RepositoryRecord } from "../store.js";
import { ecrErrors } from "./errors.js";

export function mergeTags(current: Tag[], added: Tag[]): Tag[] {
  const out = [...current];
  for (const t of added) {
    const i = out.findIndex((c) => c.Key === t.Key);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  if (out.length > 50) throw new TooManyTagsException("Exceeded the maximum number of tags per resource (50)");
  return out;
}

/** The repository an ARN of this account and region names. */
export function repositoryByArn(ctx: EcrContext, arn: string): RepositoryRecord {
  const m = /^arn:aws:ecr:([^:]+):(\d{12}):repository\/(.+)$/.exec(arn);
  if (!m) throw new InvalidParameterException(`Invalid parameter at 'resourceArn' failed to satisfy constraint: 'Invalid ARN'`);
  const repo = m[1] === ctx.state.region && m[2] === ctx.state.accountId ? ctx.state.repositories.get(m[3]) : undefined;
  if (!repo) throw ecrErrors.notFound(m[3], m[2]);
  return repo;
}
