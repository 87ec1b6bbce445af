// Indexes over a cluster's tasks, kept as tasks change so that no request scans every task:
// start order (for ListTasks pages), counts by status, tasks per instance, group members per instance.
// Everything here can be rebuilt from the tasks themselves; it is derived, never the source of truth.
import { snapshotClass } from "../../../state/snapshotRegistry.js";
import type { Task } from "../generated/types.js";

/** The keys made so far, by launch type and status: a key is asked for on every status change, and building it each time cost a string and its hash. */
const KEYS = new Map<string, Map<string, string>>();

const key = (launchType: string | undefined, status: string | undefined): string => {
  const lt = launchType ?? "";
  const st = status ?? "";
  let byStatus = KEYS.get(lt);
  const k = byStatus?.get(st);
  if (k !== undefined) return k;
  const made = `${lt}|${st}`;
  // Launch types and statuses are the model's enums: a few dozen keys at most are kept.
  if (!byStatus && KEYS.size < 16) KEYS.set(lt, (byStatus = new Map()));
  if (byStatus && byStatus.size < 32) byStatus.set(st, made);
  return made;
};

export class TaskIndex {
  /** Tasks in start order; removed ones leave holes until compaction. */
  private slots: (Task | undefined)[] = [];
  /** The sequence number of each slot, ascending, for binary search. */
  private seqs: number[] = [];
  private seqOf = new Map<Task, number>();
  private nextSeq = 1;
  private holes = 0;
  private statusCounts = new Map<string, number>();
  /** Tasks not yet STOPPED, per container instance ARN. */
  private live = new Map<string, Set<Task>>();
  /** Tasks whose desired status is RUNNING, per group, per container instance ARN. */
  private groups = new Map<string, Map<string, number>>();

  add(task: Task): void {
    const seq = this.nextSeq++;
    this.slots.push(task);
    this.seqs.push(seq);
    this.seqOf.set(task, seq);
    this.bump(key(task.launchType, task.lastStatus), 1);
    this.placed(task);
  }

  /** Call when a task that waited for capacity got its container instance. */
  placed(task: Task): void {
    const ci = task.containerInstanceArn;
    if (!ci) return;
    let set = this.live.get(ci);
    if (!set) this.live.set(ci, (set = new Set()));
    set.add(task);
    if (task.desiredStatus !== "STOPPED") this.groupAdd(task.group ?? "", ci, 1);
  }

  /** Call after `task.lastStatus` changed from `from`. */
  statusChanged(task: Task, from: string | undefined): void {
    this.bump(key(task.launchType, from), -1);
    this.bump(key(task.launchType, task.lastStatus), 1);
    if (task.lastStatus === "STOPPED" && task.containerInstanceArn) {
      const set = this.live.get(task.containerInstanceArn);
      set?.delete(task);
      if (set?.size === 0) this.live.delete(task.containerInstanceArn);
    }
  }

  /** Call when a task's desired status turns STOPPED: it no longer counts for its group. */
  stopRequested(task: Task): void {
    if (task.containerInstanceArn) this.groupAdd(task.group ?? "", task.containerInstanceArn, -1);
  }

  remove(task: Task): void {
    const seq = this.seqOf.get(task);
    if (seq === undefined) return;
    this.seqOf.delete(task);
    this.slots[this.position(seq)] = undefined;
    this.bump(key(task.launchType, task.lastStatus), -1);
    if (++this.holes > 1024 && this.holes > this.slots.length / 2) this.compact();
  }

  /** How many tasks are in `status`, of one launch type or all. */
  count(status: string, launchType?: string): number {
    if (launchType !== undefined) return this.statusCounts.get(key(launchType, status)) ?? 0;
    let n = 0;
    for (const [k, v] of this.statusCounts) if (k.endsWith(`|${status}`)) n += v;
    return n;
  }

  /** Tasks on an instance that have not yet stopped. */
  liveOn(instanceArn: string): ReadonlySet<Task> {
    return this.live.get(instanceArn) ?? new Set();
  }

  /** Tasks of `group` meant to run on an instance (desired RUNNING). */
  groupCount(group: string, instanceArn: string): number {
    return this.groups.get(group)?.get(instanceArn) ?? 0;
  }

  /** Tasks of `group` meant to run, by instance ARN (absent: none anywhere): for asking of many instances at once. */
  groupCounts(group: string): ReadonlyMap<string, number> | undefined {
    return this.groups.get(group);
  }

  seq(task: Task): number | undefined {
    return this.seqOf.get(task);
  }

  /** Tasks in start order, beginning after sequence number `after`. */
  *after(after = 0): IterableIterator<Task> {
    for (let i = this.position(after + 1); i < this.slots.length; i++) {
      const t = this.slots[i];
      if (t) yield t;
    }
  }

  /** The first slot whose sequence number is at least `seq`. */
  private position(seq: number): number {
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.seqs[mid] < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    const slots: Task[] = [];
    const seqs: number[] = [];
    for (let i = 0; i < this.slots.length; i++) {
      const t = this.slots[i];
      if (t) {
        slots.push(t);
        seqs.push(this.seqs[i]);
      }
    }
    this.slots = slots;
    this.seqs = seqs;
    this.holes = 0;
  }

  private bump(k: string, d: number): void {
    this.statusCounts.set(k, (this.statusCounts.get(k) ?? 0) + d);
  }

  private groupAdd(group: string, instanceArn: string, d: number): void {
    let m = this.groups.get(group);
    if (!m) this.groups.set(group, (m = new Map()));
    const n = (m.get(instanceArn) ?? 0) + d;
    if (n > 0) m.set(instanceArn, n);
    else m.delete(instanceArn);
    if (m.size === 0) this.groups.delete(group);
  }
}

// Kept whole in a snapshot: the order of its slots is ListTasks' order, and it shares the tasks themselves.
snapshotClass("ecs.TaskIndex", TaskIndex);
