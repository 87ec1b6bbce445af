// The files and fingerprints of a key pair EC2 made: the private key as PEM (PKCS#1 for RSA, OpenSSH's
// own format for Ed25519) or as a PuTTY .ppk file, the OpenSSH public key line, and the fingerprint
// EC2 records (SHA-1 of the PKCS#8 DER for RSA, base64 SHA-256 of the public key blob for Ed25519).
import { createHash, createHmac, type KeyObject } from "node:crypto";
import { modInverse, type RsaParts } from "./keyGeneration.js";
import { colonHex, sshMpint, sshString, uint32, wrap } from "./sshWire.js";

export function rsaPublicBlob(n: bigint, e: bigint): Buffer {
  return Buffer.concat([sshString("ssh-rsa"), sshMpint(e), sshMpint(n)]);
}

export function ed25519PublicBlob(publicKey: Buffer): Buffer {
  return Buffer.concat([sshString("ssh-ed25519"), sshString(publicKey)]);
}

/** `ssh-rsa AAAA… name`, as DescribeKeyPairs shows a created key's public key. */
export function openSshLine(blob: Buffer, comment: string): string {
  const type = blob.subarray(4, 4 + blob.readUInt32BE(0)).toString("utf8");
  return `${type} ${blob.toString("base64")}${comment ? ` ${comment}` : ""}`;
}

export function createdRsaFingerprint(key: KeyObject): string {
  return colonHex(createHash("sha1").update(key.export({ type: "pkcs8", format: "der" })).digest());
}

/** Base64 of the SHA-256 of the public key blob (OpenSSH's fingerprint, here with its padding). */
export function ed25519Fingerprint(blob: Buffer): string {
  return createHash("sha256").update(blob).digest("base64");
}

/** OpenSSH's private key file for an Ed25519 key, unencrypted (PROTOCOL.key). */
export function openSshPrivateEd25519(seed: Buffer, publicKey: Buffer, comment: string, check: number): string {
  const pub = ed25519PublicBlob(publicKey);
  let priv = Buffer.concat([uint32(check), uint32(check), sshString("ssh-ed25519"), sshString(publicKey), sshString(Buffer.concat([seed, publicKey])), sshString(comment)]);
  const pad: number[] = [];
  for (let i = 1; (priv.length + pad.length) % 8 !== 0; i++) pad.push(i);
  priv = Buffer.concat([priv, Buffer.from(pad)]);
  const body = Buffer.concat([Buffer.from("openssh-key-v1\0", "binary"), sshString("none"), sshString("none"), sshString(""), uint32(1), sshString(pub), sshString(priv)]);
  return ["-----BEGIN OPENSSH PRIVATE KEY-----", ...wrap(body.toString("base64"), 70), "-----END OPENSSH PRIVATE KEY-----", ""].join("\n");
}

/** PuTTY's key file, version 2, unencrypted: the MAC is HMAC-SHA-1 keyed by SHA-1 of PuTTY's constant and an empty passphrase. */
function ppk(algorithm: string, comment: string, publicBlob: Buffer, privateBlob: Buffer): string {
  const macKey = createHash("sha1").update("putty-private-key-file-mac-key").digest();
  const mac = createHmac("sha1", macKey)
    .update(Buffer.concat([sshString(algorithm), sshString("none"), sshString(comment), sshString(publicBlob), sshString(privateBlob)]))
    .digest("hex");
  const pub = wrap(publicBlob.toString("base64"), 64);
  const priv = wrap(privateBlob.toString("base64"), 64);
  return [`PuTTY-User-Key-File-2: ${algorithm}`, "Encryption: none", `Comment: ${comment}`, `Public-Lines: ${pub.length}`, ...pub, `Private-Lines: ${priv.length}`, ...priv, `Private-MAC: ${mac}`, ""].join("\r\n");
}

export function ppkRsa(parts: RsaParts, comment: string): string {
  const priv = Buffer.concat([sshMpint(parts.d), sshMpint(parts.p), sshMpint(parts.q), sshMpint(modInverse(parts.q, parts.p))]);
  return ppk("ssh-rsa", comment, rsaPublicBlob(parts.n, parts.e), priv);
}

export function ppkEd25519(seed: Buffer, publicKey: Buffer, comment: string): string {
  return ppk("ssh-ed25519", comment, ed25519PublicBlob(publicKey), sshString(seed));
}
