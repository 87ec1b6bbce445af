// Images and ports as the engine has them: an image used when present, else pulled (a failed pull
// is ECS's CannotPullContainerError), and the host ports the engine bound for a container.
import type { NetworkBinding } from "../../services/ecs/generated/types.js";
import type { RegistryPull } from "../runtime.js";
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
  await pull(engine, `fromImage=${encodeURIComponent(fromImage)}${tag ? `&tag=${encodeURIComponent(tag)}` : ""}`, undefined, (m) => m);
  return digest(await engine.call("GET", `/images/${encodeURI(image)}/json`).catch(() => undefined));
}

/** Pulls; a failed pull (an error answer, or an "error" line in its progress stream) is ECS's CannotPullContainerError. */
async function pull(engine: Engine, query: string, headers: Record<string, string> | undefined, words: (message: string) => string): Promise<void> {
  let progress: unknown;
  try {
    progress = await engine.call("POST", `/images/create?${query}`, undefined, 600_000, headers);
  } catch (e) {
    throw new StartFailure(`CannotPullContainerError: Error response from daemon: ${words((e as Error).message)}`);
  }
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
    throw new StartFailure(`CannotPullContainerError: Error response from daemon: ${words(failure ?? (progress as any).error)}`);
  }
}

/**
 * Pulls an image from ecs-local's registry, always (as ECS's agent pulls by default, so a tag pushed
 * again runs its new image), with the credentials ECR's registry takes; answers the reference by
 * digest the container is created from, and the digest. The engine's messages name the image as the
 * task definition does.
 */
export async function pullFromRegistry(engine: Engine, from: RegistryPull, image: string): Promise<{ ref: string; digest?: string }> {
  const auth = Buffer.from(JSON.stringify(from.auth)).toString("base64url");
  const named = image.replace(/[:@][^/]*$/, "");
  await pull(engine, `fromImage=${encodeURIComponent(from.repository)}&tag=${encodeURIComponent(from.digest ?? from.tag ?? "latest")}`, { "X-Registry-Auth": auth }, (m) => m.split(from.repository).join(named));
  const pulled = `${from.repository}${from.digest ? `@${from.digest}` : `:${from.tag ?? "latest"}`}`;
  const info = await engine.call("GET", `/images/${encodeURI(pulled)}/json`).catch(() => undefined);
  const digest = from.digest ?? (info?.RepoDigests as string[] | undefined)?.find((d) => d.startsWith(`${from.repository}@`))?.split("@")[1];
  return { ref: digest ? `${from.repository}@${digest}` : pulled, digest };
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
