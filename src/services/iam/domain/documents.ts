// Policy documents as IAM keeps and answers them: stored as given, answered URL-encoded per RFC 3986
// (botocore and the AWS CLI decode them, the SDK for JavaScript hands them over as they came), and
// measured without white space against IAM's size quotas.

/** RFC 3986: everything but letters, digits and `-._~` percent-encoded (encodeURIComponent leaves `!'()*` too). */
export function encodeDocument(doc: string): string {
  return encodeURIComponent(doc).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The size IAM counts against its quotas: "IAM doesn't count white space". */
export function documentSize(doc: string): number {
  let n = 0;
  for (let i = 0; i < doc.length; i++) {
    const c = doc.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) n++;
  }
  return n;
}

/**
 * JSON in the layout of AWS's own managed policy documents: two spaces of indentation, `" : "`
 * between a key and its value, one array element a line.
 */
export function awsLayout(value: unknown, indent = ""): string {
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[ ]";
    return "[\n" + value.map((v) => inner + awsLayout(v, inner)).join(",\n") + "\n" + indent + "]";
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{ }";
    return "{\n" + entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${awsLayout(v, inner)}`).join(",\n") + "\n" + indent + "}";
  }
  return JSON.stringify(value);
}
