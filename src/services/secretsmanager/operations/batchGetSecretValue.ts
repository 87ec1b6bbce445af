import { AwsError } from "../../../protocol/errors.js";
import type { Handler, SecretsManagerContext } from "../context.js";
import { checkFilters, matchesFilters } from "../domain/filters.js";
import { activeSecret } from "../domain/lookup.js";
import { invalidParameter } from "../domain/messages.js";
import { page } from "../domain/pagination.js";
import { selectVersion, valueEntry } from "../domain/reading.js";
import { accessed } from "../domain/secrets.js";
import type { APIErrorType, SecretValueEntry } from "../generated/types.js";
import type { SecretRecord } from "../store.js";

/** The AWSCURRENT value of a secret, or the error GetSecretValue would answer for it. */
function read(ctx: SecretsManagerContext, secretId: string, find: () => SecretRecord): SecretValueEntry | APIErrorType {
  try {
    const secret = find();
    const version = selectVersion(secret);
    accessed(ctx, secret, version);
    return valueEntry(secret, version);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    return { SecretId: secretId, ErrorCode: e.code, Message: e.message };
  }
}

export const batchGetSecretValue: Handler<"BatchGetSecretValue"> = (input, ctx) => {
  const { state } = ctx;
  if ((input.SecretIdList === undefined) === (input.Filters === undefined)) throw invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
  if (input.MaxResults !== undefined && input.Filters === undefined) throw invalidParameter("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
  let results: (SecretValueEntry | APIErrorType)[];
  let nextToken: string | undefined;
  if (input.SecretIdList) {
    results = input.SecretIdList.map((id) => read(ctx, id, () => activeSecret(state, id)));
  } else {
    checkFilters(input.Filters!);
    const matching = [...state.secrets.values()].filter((s) => s.deletedDate === undefined && matchesFilters(s, input.Filters!, state.region));
    const p = page(matching, input.NextToken, input.MaxResults ?? 20);
    nextToken = p.nextToken;
    results = p.items.map((s) => read(ctx, s.name, () => s));
  }
  return {
    SecretValues: results.filter((r): r is SecretValueEntry => "ARN" in r),
    ...(nextToken ? { NextToken: nextToken } : {}),
    Errors: results.filter((r): r is APIErrorType => "ErrorCode" in r),
  };
};
