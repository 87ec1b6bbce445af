// Version 4's stats add `network_rate_stats` to the engine's (bridge and awsvpc tasks): bytes per
// second received and sent since the previous reading of the same container, 0 at the first.
export interface Sample {
  at: number;
  rx: number;
  tx: number;
}

/** The last reading of each container, kept by the endpoints of one server. */
export type Samples = Map<string, Sample>;

function totals(s: Record<string, any>): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values((s.networks ?? {}) as Record<string, { rx_bytes?: number; tx_bytes?: number }>)) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  return { rx, tx };
}

export function withNetworkRates(stats: Map<string, unknown>, previous: Samples): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, raw] of stats) {
    const s = raw as Record<string, any>;
    const at = Date.parse(s.read ?? "") || 0;
    const now = { at, ...totals(s) };
    const key = String(s.id ?? name);
    const before = previous.get(key);
    previous.set(key, now);
    const seconds = before && now.at > before.at ? (now.at - before.at) / 1000 : 0;
    const rate = (a: number, b: number | undefined): number => (seconds > 0 && b !== undefined ? Math.max(0, (a - b) / seconds) : 0);
    out.set(name, { ...s, network_rate_stats: { rx_bytes_per_sec: rate(now.rx, before?.rx), tx_bytes_per_sec: rate(now.tx, before?.tx) } });
  }
  return out;
}
