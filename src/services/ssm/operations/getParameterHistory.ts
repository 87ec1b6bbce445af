import type { Handler } from "../context.js";
import { lookupRecord, parameterNotFound } from "../domain/find.js";
import { isPublicName } from "../domain/publicParameters.js";
import { readReference } from "../domain/references.js";
import { page } from "../domain/pages.js";
import { historyView } from "../domain/views.js";
import { AwsError } from "../../../protocol/errors.js";

export const getParameterHistory: Handler<"GetParameterHistory"> = (input, ctx) => {
  const ref = readReference(input.Name);
  if (!ref || ref.selector !== undefined) throw parameterNotFound();
  const found = lookupRecord(ctx.state, ref.name);
  if (!found) throw parameterNotFound();
  // Public parameters have no history to read (bottlerocket-os/bottlerocket#2662): refused as a policy would.
  if (isPublicName(ref.name)) {
    const caller = ctx.request.principal?.arn ?? `arn:aws:iam::${ctx.request.accountId}:root`;
    throw new AwsError("AccessDeniedException", `User: ${caller} is not authorized to perform: ssm:GetParameterHistory on resource: ${found.arn}`, 400);
  }
  const p = page(found.record.versions, input.NextToken, input.MaxResults ?? 50, (v) => historyView(found.record, v, input.WithDecryption));
  return { Parameters: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
};
