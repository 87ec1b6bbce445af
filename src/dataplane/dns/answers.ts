// What the containers' name server answers for a Cloud Map name (pure, tested without sockets):
// `<service>.<namespace>` gives its healthy instances (all when none is) as A, AAAA, SRV or CNAME
// records, as the service's DNS config has them; an SRV target `<instance>.<service>.<namespace>`
// has the instance's A record; any other name inside a DNS namespace does not exist. Undefined: not
// a Cloud Map name (the query goes upstream).
import type { Answer } from "dns-packet";
import type { RegistryPort } from "../../services/servicediscovery/port.js";

export interface Question {
  name: string;
  type: string;
}

export interface Answers {
  answers: Answer[];
  /** The name exists but has no record of the type asked (NOERROR, no answers) vs. NXDOMAIN. */
  exists: boolean;
}

/** A lookup of names beside Cloud Map's (Service Connect client aliases). */
export type ExtraNames = (name: string) => { ips: string[]; ttl: number } | undefined;

export function answer(registry: RegistryPort, q: Question, extra?: ExtraNames): Answers | undefined {
  const name = q.name.replace(/\.$/, "");
  const found = registry.resolve(name);
  if (found) {
    const out: Answer[] = [];
    for (const r of found.records) {
      for (const [n, attrs] of found.instances.entries()) {
        if (r.Type === "A" && q.type === "A" && attrs.AWS_INSTANCE_IPV4) out.push({ name, type: "A", ttl: r.TTL, data: attrs.AWS_INSTANCE_IPV4 });
        if (r.Type === "AAAA" && q.type === "AAAA" && attrs.AWS_INSTANCE_IPV6) out.push({ name, type: "AAAA", ttl: r.TTL, data: attrs.AWS_INSTANCE_IPV6 });
        if (r.Type === "CNAME" && attrs.AWS_INSTANCE_CNAME && n === 0) out.push({ name, type: "CNAME", ttl: r.TTL, data: attrs.AWS_INSTANCE_CNAME });
        if (r.Type === "SRV" && q.type === "SRV" && attrs.AWS_INSTANCE_PORT) {
          out.push({ name, type: "SRV", ttl: r.TTL, data: { priority: 1, weight: 1, port: Number(attrs.AWS_INSTANCE_PORT), target: `${attrs.__id ?? n}.${name}` } });
        }
      }
    }
    return { answers: out, exists: true };
  }
  // An SRV target: <instance id>.<service>.<namespace>.
  const dot = name.indexOf(".");
  if (dot > 0) {
    const parent = registry.resolve(name.slice(dot + 1));
    const id = name.slice(0, dot);
    const inst = parent?.instances.find((a) => a.__id === id);
    if (inst) {
      const ttl = parent!.records[0]?.TTL ?? 15;
      const answers: Answer[] = q.type === "A" && inst.AWS_INSTANCE_IPV4 ? [{ name, type: "A", ttl, data: inst.AWS_INSTANCE_IPV4 }] : [];
      return { answers, exists: true };
    }
  }
  const alias = extra?.(name);
  if (alias) return { answers: q.type === "A" ? alias.ips.map((ip) => ({ name, type: "A" as const, ttl: alias.ttl, data: ip })) : [], exists: true };
  // Inside a namespace's hosted zone, a name Cloud Map does not have does not exist (NXDOMAIN).
  if (registry.inZone(name)) return { answers: [], exists: false };
  return undefined;
}
