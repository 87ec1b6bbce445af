// What the data plane (src/dataplane) reads and tells of ELBv2: the listeners to serve with their
// rules, the targets a group routes to, and the outcome of each health check it makes. Nothing
// here is on the API's request path.
import type { Elbv2Backend, Elbv2State, TargetGroupRecord, TargetRecord } from "./context.js";
import type { Listener, LoadBalancer, Rule, TargetGroup, TargetHealth } from "./generated/types.js";
import type { ProbeOutcome } from "./domain/health.js";
import { mark, observe, targetKey } from "./domain/targets.js";
import { listenersOf } from "./domain/lookup.js";

export type { ProbeOutcome } from "./domain/health.js";

export interface ListenerView {
  accountId: string;
  region: string;
  lb: LoadBalancer;
  listener: Listener;
}

export interface TargetView {
  key: string;
  id: string;
  port: number;
  state: string;
  availabilityZone?: string;
}

export interface GroupView {
  tg: TargetGroup;
  attributes: ReadonlyMap<string, string>;
  targets: TargetView[];
}

/** A target the data plane checks: where, as which group says, and how it stands. */
export interface ProbeView {
  accountId: string;
  region: string;
  tg: TargetGroup;
  target: TargetView;
}

export interface TrafficPort {
  /** Every listener of every account and region. */
  listeners(): ListenerView[];
  /** A listener's rules in priority order, the default rule last; undefined once it is gone. */
  rules(accountId: string, region: string, listenerArn: string): Rule[] | undefined;
  /** The load balancer whose DNS name, or `<name>.elb.localhost`, is `host` (without its port). */
  loadBalancerByHost(host: string, prefer: { accountId: string; region: string }): { accountId: string; region: string; lb: LoadBalancer } | undefined;
  listenersOf(accountId: string, region: string, lbArn: string): Listener[];
  loadBalancerAttributes(accountId: string, region: string, lbArn: string): ReadonlyMap<string, string> | undefined;
  group(accountId: string, region: string, tgArn: string): GroupView | undefined;
  /** Every target whose health the data plane checks for real. */
  probed(): ProbeView[];
  observe(accountId: string, region: string, tgArn: string, key: string, outcome: ProbeOutcome): void;
  /** Sets a registered target's health by hand; false when no such target is registered. */
  mark(accountId: string, region: string, tgArn: string, id: string, port: number | undefined, health: TargetHealth): boolean;
}

const byPriority = (a: Rule, b: Rule): number => (a.IsDefault ? Infinity : Number(a.Priority)) - (b.IsDefault ? Infinity : Number(b.Priority));

function view(key: string, t: TargetRecord): TargetView {
  return { key, id: t.target.Id, port: t.target.Port!, state: t.health.State!, ...(t.target.AvailabilityZone ? { availabilityZone: t.target.AvailabilityZone } : {}) };
}

export function trafficPort(backend: Elbv2Backend): TrafficPort {
  const group = (accountId: string, region: string, arn: string): TargetGroupRecord | undefined => backend.states.get(accountId, region).targetGroups.get(arn);
  const states = (): Elbv2State[] => [...backend.states.all()];
  return {
    listeners: () =>
      states().flatMap((s) =>
        [...s.listeners.values()].flatMap((l) => {
          const lb = s.loadBalancers.get(l.listener.LoadBalancerArn!)?.lb;
          return lb ? [{ accountId: s.accountId, region: s.region, lb, listener: l.listener }] : [];
        }),
      ),
    rules: (accountId, region, arn) => {
      const l = backend.states.get(accountId, region).listeners.get(arn);
      return l ? [...l.rules.values()].sort(byPriority) : undefined;
    },
    loadBalancerByHost(host, prefer) {
      const name = host.toLowerCase();
      const found: { accountId: string; region: string; lb: LoadBalancer }[] = [];
      for (const s of states()) {
        for (const { lb } of s.loadBalancers.values()) {
          if (lb.DNSName?.toLowerCase() === name || `${lb.LoadBalancerName!.toLowerCase()}.elb.localhost` === name) found.push({ accountId: s.accountId, region: s.region, lb });
        }
      }
      return found.find((f) => f.accountId === prefer.accountId && f.region === prefer.region) ?? found[0];
    },
    listenersOf: (accountId, region, lbArn) => listenersOf(backend.states.get(accountId, region), lbArn).map((l) => l.listener),
    loadBalancerAttributes: (accountId, region, lbArn) => backend.states.get(accountId, region).loadBalancers.get(lbArn)?.attributes,
    group(accountId, region, arn) {
      const rec = group(accountId, region, arn);
      return rec ? { tg: rec.tg, attributes: rec.attributes, targets: [...rec.targets].map(([k, t]) => view(k, t)) } : undefined;
    },
    probed: () =>
      states().flatMap((s) =>
        [...s.targetGroups.values()].flatMap((rec) =>
          [...rec.targets]
            .filter(([, t]) => t.probed && !t.marked && ["initial", "healthy", "unhealthy"].includes(t.health.State!))
            .map(([k, t]) => ({ accountId: s.accountId, region: s.region, tg: rec.tg, target: view(k, t) })),
        ),
      ),
    observe(accountId, region, arn, key, outcome) {
      const rec = group(accountId, region, arn);
      const t = rec?.targets.get(key);
      if (rec && t) observe(rec, t, outcome);
    },
    mark(accountId, region, arn, id, port, health) {
      const rec = group(accountId, region, arn);
      const t = rec?.targets.get(targetKey(id, port ?? rec.tg.Port));
      if (!t || t.health.State === "draining") return false;
      mark(backend, t, health);
      return true;
    },
  };
}
