import type { Handler } from "../context.js";
import { createdRsaFingerprint, ed25519Fingerprint, ed25519PublicBlob, openSshLine, openSshPrivateEd25519, ppkEd25519, ppkRsa, rsaPublicBlob } from "../domain/keyFormats.js";
import { ed25519FromSeed, rsaFromSeed } from "../domain/keyGeneration.js";
import { addKeyPair, checkNameFree } from "../domain/keyPairs.js";
import { checkTagSpecifications, tagsOf } from "../domain/tags.js";

/** The key comes from the service's seeded ids (see keyGeneration.ts): a replay makes the same one. */
function makeKey(seed: Buffer, type: "rsa" | "ed25519", format: "pem" | "ppk", name: string) {
  if (type === "ed25519") {
    const k = ed25519FromSeed(seed);
    const blob = ed25519PublicBlob(k.publicKey);
    const material = format === "ppk" ? ppkEd25519(k.seed, k.publicKey, name) : openSshPrivateEd25519(k.seed, k.publicKey, name, seed.readUInt32BE(0));
    return { material, fingerprint: ed25519Fingerprint(blob), publicKey: openSshLine(blob, name) };
  }
  const { key, parts } = rsaFromSeed(seed);
  const material = format === "ppk" ? ppkRsa(parts, name) : (key.export({ type: "pkcs1", format: "pem" }) as string);
  return { material, fingerprint: createdRsaFingerprint(key), publicKey: openSshLine(rsaPublicBlob(parts.n, parts.e), name) };
}

export const createKeyPair: Handler<"CreateKeyPair"> = (input, ctx) => {
  const { state } = ctx;
  checkNameFree(state, input.KeyName);
  checkTagSpecifications(input.TagSpecifications, ["key-pair"]);
  const type = input.KeyType ?? "rsa";
  const key = makeKey(state.ids.bytes(32), type, input.KeyFormat ?? "pem", input.KeyName);
  const rec = addKeyPair(state, { name: input.KeyName, type, fingerprint: key.fingerprint, publicKey: key.publicKey, now: ctx.now(), tags: input.TagSpecifications });
  const tags = tagsOf(state, rec.info.KeyPairId);
  return { KeyFingerprint: key.fingerprint, KeyMaterial: key.material, KeyName: input.KeyName, KeyPairId: rec.info.KeyPairId, ...(tags ? { Tags: tags } : {}) };
};
