// Identifiers drawn from one source per service and server: two servers in a process
// never share a sequence, and a seeded server makes the same ids for the same requests.
import { createHash, randomBytes } from "node:crypto";

/** Where ids are written before they become strings (one thread, and nothing in between). */
const SCRATCH = Buffer.alloc(16);
const UUID_TEXT = Buffer.alloc(36);
const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1");

/**
 * The same text as one flat string. V8 keeps a string built with `+` or a template as a tree of its
 * pieces (32 bytes a node, each piece kept) until something reads it through; an id or an ARN lives as
 * long as its resource, and as a tree costs about twice its flat size (a task's ids and ARNs were
 * half of what a task holds). Reading a character flattens it, and the next garbage collection
 * drops the tree.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast chaotic generator): 128 bits of state, fast in plain
 * JavaScript, good enough for ids that must look random and never collide in practice. Not for secrets.
 */
export class IdSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The next address of the private range handed to task network interfaces. */
  private address = 10;

  /** `seed` absent: a fresh random seed. */
  constructor(seed?: string) {
    const key = seed === undefined ? randomBytes(16) : createHash("sha256").update(seed).digest();
    this.a = key.readUInt32LE(0);
    this.b = key.readUInt32LE(4);
    this.c = key.readUInt32LE(8);
    this.d = key.readUInt32LE(12) | 1;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** 32 random bits. */
  private next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1), like Math.random. */
  random = (): number => this.next() / 4_294_967_296;

  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i += 4) {
      const v = this.next();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (8 * j)) & 255;
    }
    return out;
  }

  /** 16 random bytes in `scratch`, each 32 bits big-endian: the order the ids have always read them in. */
  private fill16(): Buffer {
    for (let i = 0; i < 16; i += 4) SCRATCH.writeUInt32BE(this.next(), i);
    return SCRATCH;
  }

  /**
   * 32 lowercase hex digits: the id of tasks and container instances. Written in one step from the
   * bytes: built from pieces with `+`, an id left a dozen strings behind it.
   */
  hexId(): string {
    return this.fill16().toString("hex", 0, 16);
  }

  /** A version 4 UUID: the hex of 16 bytes with the version and variant set, written into one string. */
  uuid(): string {
    const b = this.fill16();
    b[6] = 0x40 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    let at = 0;
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) UUID_TEXT[at++] = 0x2d;
      UUID_TEXT[at++] = HEX_DIGITS[b[i] >>> 4];
      UUID_TEXT[at++] = HEX_DIGITS[b[i] & 15];
    }
    return UUID_TEXT.toString("latin1", 0, 36);
  }

  /** "ecs-svc/" and 19 digits: deployment ids and a service task's startedBy. */
  deploymentId(): string {
    let digits = String(1 + Math.floor(this.random() * 9));
    while (digits.length < 19) digits += String(Math.floor(this.random() * 10));
    return `ecs-svc/${digits}`;
  }

  /** A private address from 10.0.0.0/16 for a task's elastic network interface, in turn. */
  privateIpv4(): string {
    const n = this.address++ % 65_000;
    return flat(`10.0.${(n >> 8) & 255}.${n & 255 || 1}`);
  }

  /** Where the sequence stands, so that a restored server goes on from there instead of repeating ids. */
  save(): string {
    return [this.a, this.b, this.c, this.d, this.address].map((n) => (n >>> 0).toString(16)).join(".");
  }

  static restore(saved: string): IdSource {
    const s = new IdSource("");
    s.load(saved);
    return s;
  }

  /** Goes on from where `saved` stood (the holders of this source keep it). */
  load(saved: string): void {
    const parts = saved.split(".").map((p) => parseInt(p, 16));
    if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n))) throw new Error(`not a saved id source: ${JSON.stringify(saved)}`);
    [this.a, this.b, this.c, this.d, this.address] = [parts[0] | 0, parts[1] | 0, parts[2] | 0, parts[3] | 0, parts[4]];
  }
}
