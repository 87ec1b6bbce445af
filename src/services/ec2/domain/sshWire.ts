// The SSH wire encoding (RFC 4251: uint32-length strings, mpints) that OpenSSH public keys, OpenSSH
// private key files and PuTTY key files are built from.

export function sshString(data: Buffer | string): Buffer {
  const body = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

/** A non-negative integer as an SSH mpint: big-endian, with a zero byte when the top bit is set. */
export function sshMpint(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  let bytes = Buffer.from(hex, "hex");
  if (n === 0n) bytes = Buffer.alloc(0);
  else if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return sshString(bytes);
}

export function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** Reads SSH strings one after another; undefined once the data runs out or is malformed. */
export class SshReader {
  private at = 0;
  constructor(private readonly data: Buffer) {}
  string(): Buffer | undefined {
    if (this.at + 4 > this.data.length) return undefined;
    const len = this.data.readUInt32BE(this.at);
    if (this.at + 4 + len > this.data.length) return undefined;
    const out = this.data.subarray(this.at + 4, this.at + 4 + len);
    this.at += 4 + len;
    return out;
  }
  done(): boolean {
    return this.at === this.data.length;
  }
}

export function bigintFrom(bytes: Buffer): bigint {
  return bytes.length ? BigInt("0x" + bytes.toString("hex")) : 0n;
}

export function base64url(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  return Buffer.from(hex, "hex").toString("base64url");
}

/** Base64 cut into lines of `width` characters. */
export function wrap(base64: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += width) lines.push(base64.slice(i, i + width));
  return lines;
}

/** `aa:bb:…`, as EC2 shows MD5 and SHA-1 fingerprints. */
export function colonHex(digest: Buffer): string {
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join(":");
}
