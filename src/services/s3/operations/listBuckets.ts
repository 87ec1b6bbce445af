import type { Handler } from "../context.js";
import { bucketArn } from "../domain/buckets.js";
import { ownerOf } from "../domain/owner.js";

/** The caller's buckets in every region, by name; `BucketRegion` filters, `Prefix` narrows, pages of `MaxBuckets`. */
export const listBuckets: Handler<"ListBuckets"> = (input, ctx) => {
  const mine = [...ctx.state.buckets.values()]
    .filter((b) => b.owner === ctx.request.accountId)
    .filter((b) => input.Prefix === undefined || b.name.startsWith(input.Prefix))
    .filter((b) => input.BucketRegion === undefined || b.region === input.BucketRegion)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const after = input.ContinuationToken;
  const from = after === undefined ? mine : mine.filter((b) => b.name > after);
  const max = input.MaxBuckets ?? 10000;
  const page = from.slice(0, max);
  return {
    Buckets: page.map((b) => ({ Name: b.name, CreationDate: b.creationDate, BucketRegion: b.region, BucketArn: bucketArn(b.name) })),
    Owner: ownerOf(ctx.request.accountId),
    ...(from.length > max ? { ContinuationToken: page.at(-1)!.name } : {}),
    ...(input.Prefix !== undefined ? { Prefix: input.Prefix } : {}),
  };
};
