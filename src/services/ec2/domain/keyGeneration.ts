// Key pairs CreateKeyPair makes, derived from 32 bytes of the service's seeded id source rather than
// from the system's randomness: a journal replay (persistence) makes the very key the user was given,
// so the fingerprint and public key kept after a restart still match the private key they saved.
// RSA 2048 primes are searched for from a SHA-256 stream of the seed; an Ed25519 key is the seed.
import { checkPrimeSync, createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { base64url } from "./sshWire.js";

const E = 65537n;
const CHECK = Buffer.from("ecs-local key check");

/** Deterministic bytes: SHA-256 of the seed and a counter. */
function byteStream(seed: Buffer): (n: number) => Buffer {
  let counter = 0;
  return (n) => {
    const parts: Buffer[] = [];
    for (let len = 0; len < n; len += 32) parts.push(createHash("sha256").update(seed).update(String(counter++)).digest());
    return Buffer.concat(parts).subarray(0, n);
  };
}

const SMALL_PRIMES: number[] = (() => {
  const out: number[] = [];
  for (let i = 3; out.length < 1500; i += 2) if (out.every((p) => p * p > i || i % p !== 0)) out.push(i);
  return out;
})();

/** The first prime at or after a random odd `bits`-bit start (top two bits set), with p−1 coprime to e. */
function prime(bytes: (n: number) => Buffer, bits: number): bigint {
  const start = bytes(bits / 8);
  start[0] |= 0xc0;
  start[start.length - 1] |= 1;
  const base = BigInt("0x" + start.toString("hex"));
  const residues = SMALL_PRIMES.map((s) => Number(base % BigInt(s)));
  for (let k = 0; ; k += 2) {
    if (residues.some((r, i) => (r + k) % SMALL_PRIMES[i] === 0)) continue;
    const p = base + BigInt(k);
    if ((p - 1n) % E !== 0n && checkPrimeSync(p)) return p;
  }
}

export function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

export interface RsaParts {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
}

export function rsaFromSeed(seed: Buffer): { key: KeyObject; parts: RsaParts } {
  const bytes = byteStream(seed);
  let p = prime(bytes, 1024);
  let q = prime(bytes, 1024);
  while (q === p) q = prime(bytes, 1024);
  if (p < q) [p, q] = [q, p];
  const n = p * q;
  const d = modInverse(E, (p - 1n) * (q - 1n));
  const jwk = { kty: "RSA", n: base64url(n), e: base64url(E), d: base64url(d), p: base64url(p), q: base64url(q), dp: base64url(d % (p - 1n)), dq: base64url(d % (q - 1n)), qi: base64url(modInverse(q, p)) };
  const key = createPrivateKey({ key: jwk, format: "jwk" });
  // A signature by the private parts that the public key (n, e) verifies: OpenSSL's modular
  // arithmetic, about 2 ms, where the same check in BigInt took some 45.
  if (!verify("sha256", CHECK, createPublicKey(key), sign("sha256", CHECK, key))) throw new Error("RSA key derivation failed its check");
  return { key, parts: { n, e: E, d, p, q } };
}

/** PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function ed25519FromSeed(seed: Buffer): { key: KeyObject; seed: Buffer; publicKey: Buffer } {
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed.subarray(0, 32)]), format: "der", type: "pkcs8" });
  const jwk = key.export({ format: "jwk" }) as { x: string };
  return { key, seed: seed.subarray(0, 32), publicKey: Buffer.from(jwk.x, "base64url") };
}
