// A task's containers as the engine knows them, for the task metadata endpoint: ids, names, image,
// times, addresses and the bytes written (GET /containers/{id}/json?size=1), and the engine's own
// stats (GET /containers/{id}/stats?stream=false). Containers already removed are left out.
import type { ContainerFacts } from "../runtime.js";
import type { Engine } from "./engine.js";
import type { Box } from "./taskStart.js";

const NEVER = "0001-01-01T00:00:00Z";

interface Inspected {
  Id: string;
  Name?: string;
  Image?: string;
  Created?: string;
  SizeRw?: number;
  State?: { StartedAt?: string; FinishedAt?: string };
  NetworkSettings?: { IPAddress?: string; MacAddress?: string; Networks?: Record<string, { IPAddress?: string; MacAddress?: string }> };
}

function facts(x: Inspected): ContainerFacts {
  const nets = Object.values(x.NetworkSettings?.Networks ?? {});
  const ip = x.NetworkSettings?.IPAddress || nets.find((n) => n.IPAddress)?.IPAddress || undefined;
  const mac = x.NetworkSettings?.MacAddress || nets.find((n) => n.MacAddress)?.MacAddress || undefined;
  const at = (t: string | undefined): string | undefined => (t && t !== NEVER ? t : undefined);
  return {
    dockerId: x.Id,
    dockerName: (x.Name ?? "").replace(/^\//, ""),
    ...(x.Image ? { imageId: x.Image } : {}),
    ...(at(x.Created) ? { createdAt: x.Created } : {}),
    ...(at(x.State?.StartedAt) ? { startedAt: x.State!.StartedAt } : {}),
    ...(at(x.State?.FinishedAt) ? { finishedAt: x.State!.FinishedAt } : {}),
    ...(ip ? { ipv4Address: ip } : {}),
    ...(mac ? { macAddress: mac } : {}),
    ...(typeof x.SizeRw === "number" ? { sizeRw: x.SizeRw } : {}),
  };
}

/** Each created container of the task, by its name in the task definition. */
export async function inspectBoxes(engine: Engine, boxes: Iterable<Box>): Promise<Map<string, ContainerFacts>> {
  const out = new Map<string, ContainerFacts>();
  await Promise.all(
    [...boxes].map(async (b) => {
      if (!b.id) return;
      const x = await engine.call<Inspected>("GET", `/containers/${b.id}/json?size=1`, undefined, 10_000).catch(() => undefined);
      if (x) out.set(b.plan.def.name!, facts(x));
    }),
  );
  return out;
}

/** The engine's stats of each created container of the task, by its name in the task definition. */
export async function boxStats(engine: Engine, boxes: Iterable<Box>): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  await Promise.all(
    [...boxes].map(async (b) => {
      if (!b.id) return;
      const s = await engine.call("GET", `/containers/${b.id}/stats?stream=false`, undefined, 15_000).catch(() => undefined);
      if (s) out.set(b.plan.def.name!, s);
    }),
  );
  return out;
}

/** The engine's default bridge gateway: where bridge containers reach the host. */
export async function bridgeGateway(engine: Engine): Promise<string | undefined> {
  const net = await engine.call<{ IPAM?: { Config?: { Gateway?: string; Subnet?: string }[] } }>("GET", "/networks/bridge", undefined, 10_000).catch(() => undefined);
  return net?.IPAM?.Config?.find((c) => c.Gateway && !c.Gateway.includes(":"))?.Gateway;
}
