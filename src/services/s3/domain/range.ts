// GetObject's Range header: one byte range (`bytes=0-99`, `bytes=100-`, `bytes=-100`), answered with
// the slice and its Content-Range (206); a range past the end is InvalidRange (416); a header that is
// not a single byte range is ignored and the whole object answered, as HTTP allows.
import { s3Errors } from "./errors.js";

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) throw s3Errors.invalidRange(size, header!);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || (m[2] !== "" && Number(m[2]) < start)) throw s3Errors.invalidRange(size, header!);
  return { start, end };
}

/** The blob reference of a slice: the blob stores read `<ref>#<start>-<end>` as those bytes. */
export const sliceRef = (ref: string, r: ByteRange): string => `${ref}#${r.start}-${r.end}`;
