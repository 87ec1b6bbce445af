import { AwsError } from "../../../protocol/errors.js";
import type { Ec2State, Handler } from "../context.js";
import type { Image } from "../generated/types.js";
import { computeErrors } from "../domain/computeErrors.js";
import { checkFilters, matchesFilters } from "../domain/filters.js";
import { IMAGE_FILTERS } from "../domain/imageFilters.js";
import { allImages, IMAGE_ID, isDeprecated, type FoundImage } from "../domain/images.js";
import { paginate } from "../domain/pagination.js";
import { tagsOf } from "../domain/tags.js";

/** Whether an image belongs to one of the owners asked for (`self`, `amazon`, an account id…). */
function ownedBy(state: Ec2State, f: FoundImage, owners: string[]): boolean {
  return owners.some((o) => (o === "self" ? f.own : o === "amazon" ? f.image.ImageOwnerAlias === "amazon" : o === f.image.OwnerId));
}

/** Images someone may launch: `all` are the public ones; other accounts' shares do not exist here. */
function executableBy(f: FoundImage, users: string[]): boolean {
  return users.some((u) => u === "all" && f.image.Public === true);
}

function checkIds(state: Ec2State, ids: string[], known: Map<string, FoundImage>): void {
  for (const id of ids) if (!IMAGE_ID.test(id)) throw computeErrors.imageMalformed(id);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 1) throw computeErrors.imageNotFound(missing[0]);
  if (missing.length) throw new AwsError("InvalidAMIID.NotFound", `The image ids '[${missing.join(", ")}]' do not exist`);
  void state;
}

function checkOwners(owners: string[]): void {
  for (const o of owners) if (!["self", "amazon", "aws-marketplace", "aws-backup-vault"].includes(o) && !/^\d{12}$/.test(o)) throw new AwsError("InvalidUserID.Malformed", `Invalid user id: "${o}"`);
}

export const describeImages: Handler<"DescribeImages"> = (input, ctx) => {
  const { state } = ctx;
  checkFilters(input.Filters, IMAGE_FILTERS);
  checkOwners(input.Owners ?? []);
  const images = allImages(state);
  const byId = new Map(images.map((f) => [f.image.ImageId!, f]));
  const ids = input.ImageIds?.length ? input.ImageIds : undefined;
  if (ids) checkIds(state, ids, byId);
  const now = ctx.now();
  const kept = (ids ? [...new Set(ids)].map((id) => byId.get(id)!) : images).filter(
    (f) =>
      (!input.Owners?.length || ownedBy(state, f, input.Owners)) &&
      (!input.ExecutableUsers?.length || executableBy(f, input.ExecutableUsers)) &&
      // Deprecated images show when asked for by id or flag, and to their owner.
      (ids !== undefined || input.IncludeDeprecated === true || f.own || !isDeprecated(f.image, now)) &&
      matchesFilters(f, state.tags.get(f.image.ImageId!), input.Filters, IMAGE_FILTERS),
  );
  const page = paginate(kept, input.MaxResults, input.NextToken);
  const answer: Image[] = page.items.map((f) => {
    const tags = f.own ? tagsOf(state, f.image.ImageId!) : undefined;
    return { ...f.image, ...(tags ? { Tags: tags } : {}) };
  });
  return { Images: answer, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};
