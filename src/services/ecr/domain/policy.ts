// What ECR checks of a repository policy before keeping it: JSON with statements, each with an
// effect; the wording follows ECR's InvalidParameterException form (detail chosen).
import { InvalidParameterException } from "../generated/errors.js";

const refuse = (why: string) => new InvalidParameterException(`Invalid parameter at 'PolicyText' failed to satisfy constraint: '${why}'`);

export function checkRepositoryPolicy(text: string): void {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(text) as { Statement?: unknown };
  } catch {
    throw refuse("Invalid repository policy provided");
  }
  const statements = [doc?.Statement ?? []].flat() as { Effect?: unknown }[];
  if (statements.length === 0) throw refuse("Invalid repository policy provided");
  for (const s of statements) if (s?.Effect !== "Allow" && s?.Effect !== "Deny") throw refuse("Invalid repository policy provided");
}
