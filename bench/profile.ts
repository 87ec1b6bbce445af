// node dist/bench/profile.js FILE.cpuprofile [N] [--phase NAME] [--tree FUNCTION]: the functions that
// cost the most CPU in a V8 profile written by `npm run bench -- --profile DIR`, by self time and by
// inclusive time. With --phase, only the samples taken while that phase ran (its window is in
// DIR/phases.json); with --tree, the calls under FUNCTION top-down (where its time goes), N deep.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

// Piped into `head`, the reader may go first: that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => process.exit(e.code === "EPIPE" ? 0 : 1));

const args = process.argv.slice(2);
const phaseAt = args.indexOf("--phase");
const phase = phaseAt >= 0 ? args.splice(phaseAt, 2)[1] : undefined;
const treeAt = args.indexOf("--tree");
const tree = treeAt >= 0 ? args.splice(treeAt, 2)[1] : undefined;
const [file, topArg] = args;
if (!file) {
  process.stderr.write("usage: node dist/bench/profile.js FILE.cpuprofile [N] [--phase NAME]\n");
  process.exit(2);
}
const top = Number(topArg ?? 25);
const prof = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** The phase's window in the profile's clock, from phases.json beside the profile. */
function windowOf(name: string): { fromUs: number; toUs: number } {
  const path = join(dirname(file), "phases.json");
  if (!existsSync(path)) throw new Error(`no ${path}: --phase needs a profile written by the bench with --profile`);
  const windows = JSON.parse(readFileSync(path, "utf8")) as { phase: string; fromUs: number; toUs: number }[];
  const w = windows.find((x) => x.phase.toLowerCase().includes(name.toLowerCase()));
  if (!w) throw new Error(`no phase matching "${name}" in ${path}: ${windows.map((x) => x.phase).join(", ")}`);
  return w;
}
const window = phase ? windowOf(phase) : undefined;

const selfUs = new Map<number, number>();
let at = prof.startTime;
prof.samples.forEach((id, i) => {
  at += prof.timeDeltas[i] ?? 0;
  if (window && (at < window.fromUs || at > window.toUs)) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const label = (n: Node): string => {
  const url = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, "$1/");
  return `${n.callFrame.functionName || "(anonymous)"} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ""}`.trim();
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  self.set(label(byId.get(id)!), (self.get(label(byId.get(id)!)) ?? 0) + us);
  for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
    const l = label(byId.get(node)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + us);
  }
}

const show = (title: string, m: Map<string, number>): void => {
  process.stdout.write(`\n${title} (of ${(total / 1e6).toFixed(2)} s sampled${phase ? ` during "${phase}"` : ""})\n`);
  for (const [l, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${l}\n`);
  }
};
/** Top-down below every call of `fn`: each callee's share of the whole sample, merged by label, to `depth`. */
function showTree(fn: string, depth: number): void {
  const children = new Map<number, number[]>();
  for (const n of prof.nodes) children.set(n.id, n.children ?? []);
  const incl = new Map<number, number>();
  const total_ = (id: number): number => {
    let t = incl.get(id);
    if (t !== undefined) return t;
    t = selfUs.get(id) ?? 0;
    for (const c of children.get(id)!) t += total_(c);
    incl.set(id, t);
    return t;
  };
  const roots = prof.nodes.filter((n) => n.callFrame.functionName === fn && !hasAncestor(n.id, fn));
  process.stdout.write(`\ntop-down below ${fn} (${roots.length} call sites; % of everything sampled)\n`);
  const walk = (ids: number[], level: number): void => {
    const merged = new Map<string, number[]>();
    for (const id of ids) {
      const l = label(byId.get(id)!);
      merged.set(l, [...(merged.get(l) ?? []), id]);
    }
    const rows = [...merged].map(([l, group]) => ({ l, group, us: group.reduce((a, id) => a + total_(id), 0) })).sort((a, b) => b.us - a.us);
    for (const r of rows) {
      if (r.us / total < 0.003) continue;
      const own = r.group.reduce((a, id) => a + (selfUs.get(id) ?? 0), 0);
      process.stdout.write(`${((r.us / total) * 100).toFixed(1).padStart(5)}% ${"  ".repeat(level)}${r.l}${own / total >= 0.003 ? ` (self ${((own / total) * 100).toFixed(1)}%)` : ""}\n`);
      if (level < depth) walk(r.group.flatMap((id) => children.get(id)!), level + 1);
    }
  };
  walk(roots.map((n) => n.id), 0);
}

function hasAncestor(id: number, fn: string): boolean {
  for (let at = parent.get(id); at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.functionName === fn) return true;
  return false;
}

if (tree) showTree(tree, top);
else {
  show("self time", self);
  show("inclusive time", inclusive);
}
