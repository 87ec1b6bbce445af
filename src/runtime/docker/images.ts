// Images and ports as the engine has them: an image used when present, else pulled (a failed pull
// is ECS's CannotPullContainerError), and the host ports the engine bound for a container.
import type { NetworkBinding } from "../../services/ecs/generated/types.js";
import { EngineError, type Engine } from "./engine.js";
import { imageRef } from "./spec.js";
import { StartFailure } from "./taskStart.js";

/** Uses the image when the engine has it, else pulls it; a failed pull is ECS's CannotPullContainerError. */
export async function ensureImage(engine: Engine, image: string): Promise<string | undefined> {
  const digest = (info: any): string | undefined => info?.RepoDigests?.[0]?.split("@")[1] ?? info?.Id;
  try {
    return digest(await engine.call("GET", `/images/${encodeURI(image)}/json`));
  } catch (e) {
    if (!(e instanceof EngineError && e.status === 404)) throw e;
  }
  const { fromImage, tag } = imageRef(image);
  let progress: unknown;
  try {
    progress = await engine.call("POST", `/images/create?fromImage=${encodeURIComponent(fromImage)}${tag ? `&tag=${encodeURIComponent(tag)}` : ""}`, undefined, 600_000);
  } catch (e) {
    throw new StartFailure(`CannotPullContainerError: Error response from daemon: ${(e as Error).message}`);
  }
  // A pull answers 200 and streams its progress; a failure part-way is an "error" line in that stream.
  const failure = String(progress ?? "")
    .split("\n")
    .map((l) => {
      try {
        return JSON.parse(l).error as string | undefined;
      } catch {
        return undefined;
      }
    })
    .find((x) => x);
  if (failure || (typeof progress === "object" && (progress as any)?.error)) {
    throw new StartFailure(`CannotPullContainerError: Error response from daemon: ${failure ?? (progress as any).error}`);
  }
  return digest(await engine.call("GET", `/images/${encodeURI(image)}/json`).catch(() => undefined));
}

/** The IPv4 bindings an engine made for a container's published ports. */
export function boundPorts(ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined): NetworkBinding[] {
  const out: NetworkBinding[] = [];
  for (const [key, list] of Object.entries(ports ?? {})) {
    const [port, protocol] = key.split("/");
    for (const p of list ?? []) {
      if (p.HostIp.includes(":")) continue;
      out.push({ bindIP: p.HostIp || "0.0.0.0", containerPort: Number(port), hostPort: Number(p.HostPort), protocol: protocol === "udp" ? "udp" : "tcp" });
    }
  }
  return out;
}
