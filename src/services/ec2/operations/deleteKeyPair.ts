import { AwsError } from "../../../protocol/errors.js";
import type { Handler } from "../context.js";
import { keyPairById } from "../domain/keyPairs.js";
import { forgetTags } from "../domain/tags.js";

/** Deleting a key pair that does not exist succeeds, as in EC2; instances launched with it keep its name. */
export const deleteKeyPair: Handler<"DeleteKeyPair"> = (input, ctx) => {
  const { state } = ctx;
  if (input.KeyName === undefined && input.KeyPairId === undefined) throw new AwsError("MissingParameter", "The request must contain the parameter KeyName or KeyPairId");
  const rec = input.KeyPairId !== undefined ? keyPairById(state, input.KeyPairId) : state.keyPairs.get(input.KeyName!);
  if (rec) {
    state.keyPairs.delete(rec.info.KeyName);
    forgetTags(state, rec.info.KeyPairId);
  }
  return { Return: true, ...(rec ? { KeyPairId: rec.info.KeyPairId } : {}) };
};
