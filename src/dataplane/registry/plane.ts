// ECR's registry: the data plane that `docker login`, `docker push` and `docker pull` talk to under
// `/v2/` on ecs-local's own port, and that tasks' images are pulled through. Started on first need
// (a start that never pushes an image never runs a registry), stopped with the server, and reading
// ECR only through its port; what it accepts reaches ECR as a journaled PutImage.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import type { RequestContext } from "../../protocol/context.js";
import type { EcrRegistryPort } from "../../services/ecr/context.js";
import { AgentPasswords, type RegistryCaller } from "./auth.js";
import { registryErrors } from "./errors.js";
import { startRegistry, type Upstream } from "./process.js";
import { handleRegistry, type ProxyContext } from "./proxy.js";

export interface RegistryPlaneOptions {
  config: Config;
  logger: Logger;
  ecr: EcrRegistryPort;
  /** The server's clock, epoch milliseconds. */
  now(): number;
  /** ECR's PutImage, run and journaled as a request would be. */
  putImage(input: Record<string, unknown>, request: RequestContext): Promise<unknown>;
}

/** Credentials for the engine's pull, as `X-Registry-Auth` carries them. */
export interface PullAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export class RegistryPlane {
  private upstream?: Promise<Upstream>;
  private readonly agent = new AgentPasswords();
  private readonly ctx: ProxyContext;
  private closed = false;

  constructor(private readonly o: RegistryPlaneOptions) {
    this.ctx = { ecr: o.ecr, agent: this.agent, now: o.now, putImage: o.putImage, upstream: () => this.start() };
  }

  /** The registry behind, started once; a failed start is tried again by the next request. */
  start(): Promise<Upstream> {
    if (this.closed) return Promise.reject(new Error("the server is stopping"));
    return (this.upstream ??= startRegistry({ registry: this.o.config.registry, stateDir: this.o.config.stateDir, logger: this.o.logger }).catch((e: unknown) => {
      this.upstream = undefined;
      this.o.logger.warn(`${(e as Error).message} (install Debian's docker-registry, or name a registry with --registry <url>)`);
      throw e;
    }));
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    handleRegistry(this.ctx, req, res).catch((e: unknown) => {
      req.resume();
      if (/cannot run the registry|stopping/.test((e as Error).message)) return registryErrors.unavailable(res, `ecs-local's registry is not available: ${(e as Error).message}`);
      this.o.logger.error("registry request", e);
      registryErrors.unavailable(res, "An internal error occurred in ecs-local's registry; it was logged.");
    });
  }

  /** What the task runtime pulls a task's image with: ecs-local's agent acting for the task's account and region. */
  pullAuth(caller: RegistryCaller): PullAuth {
    return { username: "AWS", password: this.agent.mint(caller, this.o.now()), serveraddress: `localhost:${this.o.config.port}` };
  }

  async close(): Promise<void> {
    this.closed = true;
    const up = await this.upstream?.catch(() => undefined);
    await up?.close();
  }
}
