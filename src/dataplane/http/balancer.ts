// Where a forwarded request goes: a target group by the action's weights (kept by the AWSALBTG
// cookie when group stickiness is on), then a target of that group in turn over its healthy ones
// (all its registered ones that are not draining when none is healthy, as an ALB fails open), kept
// by the AWSALB cookie when the group's lb_cookie stickiness is on.
import type { Action } from "../../services/elbv2/generated/types.js";
import type { GroupView, TargetView } from "../../services/elbv2/trafficPort.js";

export interface Weighted {
  arn: string;
  weight: number;
}

/** The groups of a forward action with their weights (a lone TargetGroupArn weighs 1). */
export function weightsOf(a: Action): Weighted[] {
  const list = a.ForwardConfig?.TargetGroups?.length ? a.ForwardConfig.TargetGroups.map((t) => ({ arn: t.TargetGroupArn!, weight: t.Weight ?? 1 })) : a.TargetGroupArn ? [{ arn: a.TargetGroupArn, weight: 1 }] : [];
  return list.filter((w) => w.arn);
}

/** A group drawn by weight; `draw` is in [0, 1). Groups of weight 0 are never drawn unless all weigh 0. */
export function pickGroup(groups: Weighted[], draw: number): string | undefined {
  const total = groups.reduce((n, g) => n + Math.max(0, g.weight), 0);
  if (total === 0) return groups[0]?.arn;
  let at = draw * total;
  for (const g of groups) {
    at -= Math.max(0, g.weight);
    if (at < 0) return g.arn;
  }
  return groups[groups.length - 1].arn;
}

/** The targets that may take a new request. */
export function routable(group: GroupView): TargetView[] {
  const live = group.targets.filter((t) => t.state !== "draining" && t.state !== "unused");
  const healthy = live.filter((t) => t.state === "healthy");
  return healthy.length ? healthy : live;
}

/** Round robin over a group's targets, one counter per group. */
export class RoundRobin {
  private readonly next = new Map<string, number>();

  pick(arn: string, targets: TargetView[]): TargetView | undefined {
    if (!targets.length) return undefined;
    const sorted = [...targets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const i = this.next.get(arn) ?? 0;
    this.next.set(arn, (i + 1) % 1_000_000_007);
    return sorted[i % sorted.length];
  }

  forget(): void {
    this.next.clear();
  }
}

/** Reads one cookie from a Cookie header. */
export function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export const encodeSticky = (text: string): string => Buffer.from(text, "utf8").toString("base64url");
export function decodeSticky(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return Buffer.from(value, "base64url").toString("utf8");
  } catch {
    return undefined;
  }
}
