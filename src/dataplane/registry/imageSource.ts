// Which task images come from ECR, and so from ecs-local's registry: AWS's form
// `<account>.dkr.ecr.<region>.amazonaws.com/<name>[:tag|@digest]` (the account and region its host
// names) and the local form `localhost:<port>/<name>` or `127.0.0.1:<port>/<name>` on this server's
// port (the task's account and region). Any other image is the engine's business.
import type { Config } from "../../config.js";
import type { ContainerRuntime } from "../../runtime/runtime.js";
import type { RegistryCaller } from "./auth.js";
import type { RegistryPlane } from "./plane.js";

export interface EcrImage extends RegistryCaller {
  name: string;
  tag?: string;
  digest?: string;
}

const AWS_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1):(\d+)$/;

export function ecrImage(image: string, port: number, task: RegistryCaller): EcrImage | undefined {
  const slash = image.indexOf("/");
  if (slash < 0) return undefined;
  const host = image.slice(0, slash);
  let rest = image.slice(slash + 1);
  const aws = AWS_HOST.exec(host);
  const local = LOCAL_HOST.exec(host);
  if (!aws && !(local && Number(local[1]) === port)) return undefined;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) [rest, digest] = [rest.slice(0, at), rest.slice(at + 1)];
  const colon = rest.lastIndexOf(":");
  const tag = colon > rest.lastIndexOf("/") ? rest.slice(colon + 1) : undefined;
  const name = tag === undefined ? rest : rest.slice(0, colon);
  return {
    accountId: aws ? aws[1] : task.accountId,
    region: aws ? aws[2] : task.region,
    name,
    ...(digest ? { digest } : { tag: tag ?? "latest" }),
  };
}

/** Gives the runtime the images from ECR: pulled from this server's registry (started then), as the account whose registry it is. */
export function attachImageSource(runtime: ContainerRuntime, config: Config, plane: () => Promise<RegistryPlane>): void {
  runtime.imageSource = async (image, run) => {
    const ref = ecrImage(image, config.port, run);
    if (!ref) return undefined;
    const p = await plane();
    await p.start();
    return { repository: `localhost:${config.port}/${ref.name}`, ...(ref.digest ? { digest: ref.digest } : { tag: ref.tag }), auth: p.pullAuth(ref) };
  };
}
