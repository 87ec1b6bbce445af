import type { Handler, PolicyRecord } from "../context.js";
import { EntityAlreadyExistsException, LimitExceededException } from "../generated/errors.js";
import { policyArn } from "../domain/arns.js";
import { documentSize } from "../domain/documents.js";
import { nextSeq, nowSeconds } from "../domain/entities.js";
import { uniqueId } from "../domain/ids.js";
import { POLICY_SIZE, policyView } from "../domain/policies.js";
import { checkPolicyDocument } from "../domain/policyDocument.js";
import { checkNewTags } from "../domain/tags.js";

/** Version v1, the default; names are unique in the account whatever the path and the case. */
export const createPolicy: Handler<"CreatePolicy"> = (input, ctx) => {
  const { state } = ctx;
  const name = input.PolicyName.toLowerCase();
  if ([...state.policies.values()].some((p) => p.name.toLowerCase() === name)) {
    throw new EntityAlreadyExistsException(`A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`);
  }
  checkPolicyDocument(input.PolicyDocument, "managed");
  if (documentSize(input.PolicyDocument) > POLICY_SIZE) throw new LimitExceededException(`Cannot exceed quota for PolicySize: ${POLICY_SIZE}`);
  checkNewTags(input.Tags);
  const path = input.Path ?? "/";
  const now = nowSeconds(ctx);
  const record: PolicyRecord = {
    seq: nextSeq(state),
    name: input.PolicyName,
    path,
    id: uniqueId(ctx.backend.ids, "ANPA"),
    arn: policyArn(state.accountId, path, input.PolicyName),
    createDate: now,
    updateDate: now,
    defaultVersion: "v1",
    versions: [{ id: "v1", document: input.PolicyDocument, createDate: now }],
    nextVersion: 2,
    tags: (input.Tags ?? []).map((t) => ({ ...t })),
    usage: { attachments: 0, boundaries: 0 },
  };
  if (input.Description !== undefined) record.description = input.Description;
  state.policies.set(record.arn, record);
  return { Policy: policyView(state, { kind: "local", arn: record.arn, record }) };
};
