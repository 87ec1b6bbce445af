// Two heap snapshots (heldBytes.ts --heap-snapshot DIR writes before and after) compared by what
// their objects are: count and self size per constructor (per type for strings, arrays, hidden
// classes), the largest growths first.
//
//   node dist/bench/heapDiff.js DIR/before.heapsnapshot DIR/after.heapsnapshot [rows] [units]
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

function tally(path: string): Map<string, { count: number; size: number }> {
  const s = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [ti, ni, si, width] = [fields.indexOf("type"), fields.indexOf("name"), fields.indexOf("self_size"), fields.length];
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + ti]];
    const name = s.strings[s.nodes[i + ni]];
    const key = type === "object" || type === "closure" || type === "hidden" || type === "native" ? `${type} ${name.slice(0, 60)}` : type;
    const e = out.get(key) ?? { count: 0, size: 0 };
    e.count++;
    e.size += s.nodes[i + si];
    out.set(key, e);
  }
  return out;
}

const [before, after, rows = "30", units = "1"] = process.argv.slice(2);
const a = tally(before);
const b = tally(after);
const n = Number(units);
const diff = [...b].map(([k, v]) => ({ k, count: v.count - (a.get(k)?.count ?? 0), size: v.size - (a.get(k)?.size ?? 0) }));
diff.sort((x, y) => y.size - x.size);
const total = diff.reduce((t, d) => t + d.size, 0);
console.log(`total self size growth: ${total} bytes (${(total / n).toFixed(0)} per unit)`);
for (const d of diff.slice(0, Number(rows))) console.log(`${(d.size / n).toFixed(1).padStart(9)} B/unit ${(d.count / n).toFixed(2).padStart(7)} /unit  ${d.k}`);
