// Marker/PageSize paging as ELBv2 does it: the marker is opaque to the caller, here an offset.
import { commonErrors } from "../../../protocol/errors.js";

export function page<T>(items: T[], marker: string | undefined, pageSize: number | undefined): { items: T[]; next?: string } {
  let start = 0;
  if (marker !== undefined) {
    start = Number(Buffer.from(marker, "base64").toString("utf8"));
    if (!Number.isInteger(start) || start < 0) throw commonErrors.validation("Invalid marker");
  }
  const size = pageSize ?? 400;
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  return { items: slice, ...(end < items.length ? { next: Buffer.from(String(end)).toString("base64") } : {}) };
}
