// What S3 checks of a bucket policy before it keeps it: JSON whose first byte is `{`, statements
// with an effect, and — while BlockPublicPolicy is on — no statement that makes the bucket public
// (an Allow to every principal without a condition), in S3's words.
import type { S3Context } from "../context.js";
import type { BucketRecord } from "../store.js";
import { s3Errors } from "./errors.js";

type Statement = { Effect?: unknown; Principal?: unknown; Condition?: unknown };

const everyone = (p: unknown): boolean =>
  p === "*" || (typeof p === "object" && p !== null && [(p as Record<string, unknown>).AWS].flat().includes("*"));

export function checkPolicy(ctx: S3Context, bucket: BucketRecord, text: string): void {
  if (!text.trimStart().startsWith("{")) throw s3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(text) as { Statement?: unknown };
  } catch {
    throw s3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
  }
  const statements = [doc.Statement ?? []].flat() as Statement[];
  if (statements.length === 0) throw s3Errors.malformedPolicy("Could not parse the policy: Statement is empty!");
  for (const s of statements) {
    if (s.Effect !== "Allow" && s.Effect !== "Deny") throw s3Errors.malformedPolicy("Invalid effect: " + String(s.Effect));
  }
  const publicStatement = statements.some((s) => s.Effect === "Allow" && everyone(s.Principal) && s.Condition === undefined);
  if (publicStatement && bucket.publicAccessBlock?.BlockPublicPolicy) {
    const who = ctx.request.principal?.arn ?? `arn:aws:iam::${ctx.request.accountId}:root`;
    throw Object.assign(s3Errors.accessDenied(), {
      message: `User: ${who} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket.name}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    });
  }
}
