import type { Handler } from "../context.js";
import { addKeyPair, checkNameFree } from "../domain/keyPairs.js";
import { readPublicKey } from "../domain/sshKeys.js";
import { checkTagSpecifications, tagsOf } from "../domain/tags.js";

export const importKeyPair: Handler<"ImportKeyPair"> = (input, ctx) => {
  const { state } = ctx;
  checkNameFree(state, input.KeyName);
  checkTagSpecifications(input.TagSpecifications, ["key-pair"]);
  const key = readPublicKey(Buffer.from(input.PublicKeyMaterial, "base64"));
  const rec = addKeyPair(state, { name: input.KeyName, type: key.type, fingerprint: key.fingerprint, publicKey: key.line, now: ctx.now(), tags: input.TagSpecifications });
  const tags = tagsOf(state, rec.info.KeyPairId);
  return { KeyFingerprint: key.fingerprint, KeyName: input.KeyName, KeyPairId: rec.info.KeyPairId, ...(tags ? { Tags: tags } : {}) };
};
