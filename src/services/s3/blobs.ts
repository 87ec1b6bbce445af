// Where object bytes live: in memory, or with a state directory as files named by their SHA-256 in
// it, so that a journaled PutObject (which records the reference, not the bytes) replays to the same
// object. Content-addressed files are shared by every object with the same bytes and never rewritten.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BlobStore } from "../../protocol/restXml.js";

export interface BlobInfo {
  size: number;
  /** Hex MD5: an object's ETag. */
  md5: string;
}

export interface S3Blobs extends BlobStore {
  /** Size and MD5 of the bytes a reference stands for. */
  info(ref: string): BlobInfo;
  /** An object version now holds the bytes. */
  retain(ref: string): void;
  /** An object version that held the bytes is gone for good. */
  release(ref: string): void;
  /** Forgets every blob it may (reset). */
  clear(): void;
}

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/** `<ref>#<start>-<end>` (a GetObject range) → the ref and the inclusive range. */
function sliced(ref: string): { ref: string; start?: number; end?: number } {
  const m = /^([0-9a-f]{64})#(\d+)-(\d+)$/.exec(ref);
  return m ? { ref: m[1], start: Number(m[2]), end: Number(m[3]) } : { ref };
}

const slice = (bytes: Buffer, s: { start?: number; end?: number }): Buffer => (s.start === undefined ? bytes : bytes.subarray(s.start, s.end! + 1));
const md5 = (bytes: Buffer): string => createHash("md5").update(bytes).digest("hex");

/** Bytes in memory, forgotten once no object version holds them. */
export function memoryBlobs(): S3Blobs {
  const blobs = new Map<string, { bytes: Buffer; holders: number; info?: BlobInfo }>();
  const entry = (ref: string) => {
    const e = blobs.get(ref);
    if (!e) throw new Error(`no object bytes ${ref}`);
    return e;
  };
  return {
    put(bytes) {
      const ref = sha256(bytes);
      if (!blobs.has(ref)) blobs.set(ref, { bytes: Buffer.from(bytes), holders: 0 });
      return ref;
    },
    get(ref) {
      const s = sliced(ref);
      return slice(entry(s.ref).bytes, s);
    },
    info(ref) {
      const e = entry(ref);
      return (e.info ??= { size: e.bytes.length, md5: md5(e.bytes) });
    },
    retain: (ref) => void entry(ref).holders++,
    release(ref) {
      const e = blobs.get(ref);
      if (e && --e.holders <= 0) blobs.delete(ref);
    },
    discard(ref) {
      if (blobs.get(ref)?.holders === 0) blobs.delete(ref);
    },
    clear: () => blobs.clear(),
  };
}

/**
 * Bytes as files under `dir`, kept for as long as the directory: the journal may replay any write
 * that ever referred to them.
 */
export function fileBlobs(dir: string): S3Blobs {
  const infos = new Map<string, BlobInfo>();
  const path = (ref: string): string => {
    if (!/^[0-9a-f]{64}$/.test(ref)) throw new Error(`not an object reference: ${ref}`);
    return join(dir, ref.slice(0, 2), ref);
  };
  return {
    put(bytes) {
      const ref = sha256(bytes);
      const file = path(ref);
      if (!existsSync(file)) {
        mkdirSync(join(dir, ref.slice(0, 2)), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, file);
      }
      return ref;
    },
    get(ref) {
      const s = sliced(ref);
      return slice(readFileSync(path(s.ref)), s);
    },
    info(ref) {
      let info = infos.get(ref);
      if (!info) {
        const bytes = readFileSync(path(ref));
        infos.set(ref, (info = { size: bytes.length, md5: md5(bytes) }));
      }
      return info;
    },
    retain: () => undefined,
    release: () => undefined,
    discard: () => undefined,
    clear: () => infos.clear(),
  };
}
