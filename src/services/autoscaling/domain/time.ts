// Moments as Auto Scaling writes them in a Cause: ISO 8601 to the second, `2026-01-01T00:00:00Z`.

export function causeTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function seconds(ms: number): number {
  return ms / 1000;
}
