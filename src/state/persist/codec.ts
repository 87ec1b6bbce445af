// How journal entries hold their inputs: JSON, with what JSON would lose (dates, bytes) kept.
/** JSON that keeps what JSON would lose in an input: dates and bytes. */
export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.getTime() };
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString("base64") };
    return v;
  });
}

export function decode(text: string): unknown {
  // Only a member named $date or $bytes can need the reviver, and JSON.stringify writes a `$` as it
  // is: without either name in the text the reviver would change nothing. Most inputs (every JSON or
  // query request) take the plain parse, several times faster: replay runs one per journal entry.
  if (!text.includes('"$date"') && !text.includes('"$bytes"')) return JSON.parse(text);
  return JSON.parse(text, (_k, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      if (typeof v.$date === "number" && Object.keys(v).length === 1) return new Date(v.$date);
      if (typeof v.$bytes === "string" && Object.keys(v).length === 1) return new Uint8Array(Buffer.from(v.$bytes, "base64"));
    }
    return v;
  });
}
