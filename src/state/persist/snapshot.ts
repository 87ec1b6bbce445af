// A snapshot: the whole live state at one journal sequence number, in one serialized graph (so that
// an object held in two places is still one object after a restart): every backend's declared state,
// each id source's position, the clock's floor and the timeline's pending timers. A start installs
// the newest one and replays only the entries after it.
import type { Timeline, TimelineImage } from "../../engine/timeline.js";
import type { Registry } from "../../services/registry.js";
import { IdSource } from "../ids.js";
import { RegionalStore } from "../regional.js";
import { backendShape } from "../snapshotRegistry.js";
import { UNPACED, type Pace } from "./pacer.js";
import { decodeGraph, encodeGraph, SnapshotRefused } from "./snapshotGraph.js";

/** Bumped whenever what a snapshot holds changes meaning: a snapshot of another version is not used (full replay). */
export const SNAPSHOT_VERSION = 2;

interface Root {
  version: number;
  /** The clock (epoch ms) of the last entry the snapshot includes. */
  at: number;
  ids: Record<string, string>;
  backends: Record<string, Record<string, unknown>>;
  timeline: TimelineImage;
  /** What the replay runtime keeps between a task's start and its reports (real containers). */
  extra: Record<string, unknown>;
}

/** Parts of the host outside the backends that keep state (the replay runtime): how to save and load them. */
export interface SnapshotExtra {
  save(): unknown;
  load(saved: unknown): void;
}

type Backend = Record<string, unknown>;

function backendsOf(registry: Registry): [string, Backend][] {
  return Object.entries(registry.backends).filter(([key]) => key !== "client") as [string, Backend][];
}

/** The host's own objects, each by a name the next process resolves to its own: backends and what they hold besides state. */
function hostTokens(registry: Registry, timeline: Timeline): Map<string, unknown> {
  const tokens = new Map<string, unknown>([
    ["timeline", timeline],
    ["config", registry.backends.ecs.config],
    ["backends", registry.backends],
    ["client", registry.backends.client],
  ]);
  for (const [key, backend] of backendsOf(registry)) {
    tokens.set(`backend:${key}`, backend);
    const state = new Set(backendShape(key)?.state ?? []);
    for (const [field, value] of Object.entries(backend)) {
      // A container that is itself state is written down, never referred to.
      if (state.has(field) && !(value instanceof RegionalStore)) continue;
      if (value !== null && typeof value === "object" && !tokens.has(`backend:${key}.${field}`)) tokens.set(`backend:${key}.${field}`, value);
    }
  }
  return tokens;
}

function reverse(tokens: Map<string, unknown>): Map<object, string> {
  const out = new Map<object, string>();
  for (const [name, value] of tokens) if (value !== null && typeof value === "object" && !out.has(value)) out.set(value, name);
  return out;
}

function parentOf(backend: Backend, path: string): [Record<string, unknown>, string] {
  const parts = path.split(".");
  let parent: Record<string, unknown> = backend;
  for (const p of parts.slice(0, -1)) parent = parent[p] as Record<string, unknown>;
  return [parent, parts[parts.length - 1]];
}

/** What a state path holds, as written down: a RegionalStore's stores, else the value itself. */
function readPath(backend: Backend, path: string): unknown {
  const [parent, field] = parentOf(backend, path);
  const v = parent[field];
  return v instanceof RegionalStore ? v.snapshot() : v;
}

/** Puts a restored value where it was: containers the host's closures hold are refilled, not replaced. */
function writePath(backend: Backend, path: string, value: unknown): void {
  const [parent, field] = parentOf(backend, path);
  const live = parent[field];
  if (live instanceof RegionalStore) live.load(value as Map<string, unknown>);
  else if (live instanceof Map && value instanceof Map) {
    live.clear();
    for (const [k, v] of value) live.set(k, v);
  } else if (live instanceof Set && value instanceof Set) {
    live.clear();
    for (const v of value) live.add(v);
  } else parent[field] = value;
}

/**
 * Checks each backend is declared, and that it has nothing the declaration leaves out. A backend not
 * declared yet is left out only while it holds nothing at all (no account or region store made):
 * then a fresh one is what it was.
 */
function declared(key: string, backend: Backend): readonly string[] {
  const shape = backendShape(key);
  if (!shape) {
    const states = backend.states;
    if (states instanceof RegionalStore && states.snapshot().size === 0) return [];
    throw new SnapshotRefused(`the ${key} backend holds state and does not declare its snapshot shape yet`);
  }
  const top = new Set([...shape.state.map((p) => p.split(".")[0]), ...shape.host, "ids"]);
  for (const [field, value] of Object.entries(backend)) {
    if (typeof value !== "function" && !top.has(field)) throw new SnapshotRefused(`the ${key} backend's field ${field} is neither state nor host in its snapshot shape`);
  }
  return shape.state;
}

/** The state as one graph's bytes; throws SnapshotRefused (naming why) when something in it cannot be kept. */
export function captureSnapshot(registry: Registry, timeline: Timeline, at: number, extra: Record<string, SnapshotExtra> = {}, pace: Pace = UNPACED): Buffer {
  const tokens = hostTokens(registry, timeline);
  const root: Root = { version: SNAPSHOT_VERSION, at, ids: {}, backends: {}, timeline: timeline.image(), extra: {} };
  for (const [key, backend] of backendsOf(registry)) {
    const paths = declared(key, backend);
    if (backend.ids instanceof IdSource) root.ids[key] = backend.ids.save();
    const parts: Record<string, unknown> = {};
    for (const path of paths) parts[path] = readPath(backend, path);
    root.backends[key] = parts;
  }
  for (const [name, part] of Object.entries(extra)) root.extra[name] = part.save();
  return encodeGraph(root, reverse(tokens), pace);
}

/** The clock (epoch ms) a snapshot was taken at, and its version, without decoding its graph. */
export interface InstalledSnapshot {
  at: number;
}

/** A snapshot's graph decoded without installing it, each host object as `{ token: name }` (tests compare these). */
export function readSnapshot(bytes: Uint8Array, registry: Registry, timeline: Timeline): unknown {
  const names = [...hostTokens(registry, timeline).keys()];
  return decodeGraph(bytes, new Map(names.map((name) => [name, { token: name }])));
}

/** Installs a snapshot into fresh services: their state, id positions and timers. Throws when it cannot be used. */
export function installSnapshot(bytes: Uint8Array, registry: Registry, timeline: Timeline, extra: Record<string, SnapshotExtra> = {}): InstalledSnapshot {
  const root = decodeGraph(bytes, hostTokens(registry, timeline)) as Root;
  if (root.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${root.version} is not this build's (${SNAPSHOT_VERSION})`);
  for (const [key, backend] of backendsOf(registry)) {
    const parts = root.backends[key];
    if (!parts) throw new Error(`the snapshot has no ${key} backend`);
    if (root.ids[key] !== undefined && backend.ids instanceof IdSource) backend.ids.load(root.ids[key]);
    for (const [path, value] of Object.entries(parts)) writePath(backend, path, value);
  }
  for (const [name, part] of Object.entries(extra)) if (name in root.extra) part.load(root.extra[name]);
  timeline.load(root.timeline);
  return { at: root.at };
}

export { SnapshotRefused };
