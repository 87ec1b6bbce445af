// Public keys ImportKeyPair takes — an OpenSSH line (`ssh-rsa AAAA… comment`), an RFC 4716 SSH2 file or
// base64 DER (PEM or bare) — read into their type, SSH blob and the fingerprint EC2 records for an
// imported key: MD5 of the DER public key for RSA, base64 SHA-256 of the blob for Ed25519.
import { createHash, createPublicKey } from "node:crypto";
import { computeErrors } from "./computeErrors.js";
import { ed25519Fingerprint, ed25519PublicBlob, openSshLine, rsaPublicBlob } from "./keyFormats.js";
import { base64url, bigintFrom, colonHex, SshReader } from "./sshWire.js";

export interface ImportedKey {
  type: "rsa" | "ed25519";
  /** The OpenSSH line DescribeKeyPairs shows with IncludePublicKey. */
  line: string;
  fingerprint: string;
}

function fromBlob(blob: Buffer, comment: string): ImportedKey {
  const r = new SshReader(blob);
  const type = r.string()?.toString("utf8");
  if (type === "ssh-rsa") {
    const e = r.string();
    const n = r.string();
    if (!e || !n || !r.done()) throw computeErrors.keyFormat();
    return rsaKey(bigintFrom(n), bigintFrom(e), comment);
  }
  if (type === "ssh-ed25519") {
    const pub = r.string();
    if (!pub || pub.length !== 32 || !r.done()) throw computeErrors.keyFormat();
    return { type: "ed25519", line: openSshLine(blob, comment), fingerprint: ed25519Fingerprint(blob) };
  }
  throw computeErrors.keyFormat();
}

function rsaKey(n: bigint, e: bigint, comment: string): ImportedKey {
  // EC2 takes RSA keys of 1024, 2048 and 4096 bits.
  const bits = n.toString(2).length;
  if (![1024, 2048, 4096].includes(bits)) throw computeErrors.keyFormat();
  const der = createPublicKey({ key: { kty: "RSA", n: base64url(n), e: base64url(e) }, format: "jwk" }).export({ type: "spki", format: "der" });
  return { type: "rsa", line: openSshLine(rsaPublicBlob(n, e), comment), fingerprint: colonHex(createHash("md5").update(der).digest()) };
}

function fromDer(der: Buffer): ImportedKey {
  let key;
  try {
    key = createPublicKey({ key: der, format: "der", type: "spki" });
  } catch {
    throw computeErrors.keyFormat();
  }
  const jwk = key.export({ format: "jwk" }) as { kty?: string; crv?: string; n?: string; e?: string; x?: string };
  if (jwk.kty === "RSA") return rsaKey(bigintFrom(Buffer.from(jwk.n!, "base64url")), bigintFrom(Buffer.from(jwk.e!, "base64url")), "");
  if (jwk.kty === "OKP" && jwk.crv === "Ed25519") return fromBlob(ed25519PublicBlob(Buffer.from(jwk.x!, "base64url")), "");
  throw computeErrors.keyFormat();
}

function fromRfc4716(text: string): ImportedKey {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const body: string[] = [];
  let inHeader = false;
  for (const l of lines.slice(1)) {
    if (l.startsWith("---- END SSH2 PUBLIC KEY")) break;
    if (inHeader || /^[A-Za-z-]+:/.test(l)) {
      inHeader = l.endsWith("\\");
      continue;
    }
    body.push(l);
  }
  return fromBlob(Buffer.from(body.join(""), "base64"), "");
}

/** The key in `material` (the blob ImportKeyPair received, decoded), or EC2's format error. */
export function readPublicKey(material: Buffer): ImportedKey {
  const text = material.toString("utf8").trim();
  const openSsh = /^(ssh-rsa|ssh-ed25519)\s+([A-Za-z0-9+/=]+)(?:\s+(.*))?$/s.exec(text);
  if (openSsh) return fromBlob(Buffer.from(openSsh[2], "base64"), (openSsh[3] ?? "").trim());
  if (text.startsWith("---- BEGIN SSH2 PUBLIC KEY")) return fromRfc4716(text);
  const pem = /^-----BEGIN (?:RSA )?PUBLIC KEY-----([\s\S]*)-----END (?:RSA )?PUBLIC KEY-----$/.exec(text);
  if (pem) return fromDer(Buffer.from(pem[1].replace(/\s+/g, ""), "base64"));
  if (/^[A-Za-z0-9+/=\s]+$/.test(text)) return fromDer(Buffer.from(text.replace(/\s+/g, ""), "base64"));
  throw computeErrors.keyFormat();
}
