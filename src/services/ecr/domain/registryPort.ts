// The port the registry's data plane reads ECR through (declared in ../context.ts): who a password
// is, whether a repository exists, which image a tag or digest names. Reads only: what the registry
// accepts reaches ECR as a PutImage, journaled like any request.
import type { EcrBackend, EcrRegistryPort } from "../context.js";
import { findImage } from "./images.js";
import { tagImmutable } from "./mutability.js";

export function registryPort(backend: Pick<EcrBackend, "tokens" | "states">): EcrRegistryPort {
  const repo = (accountId: string, region: string, name: string) => backend.states.get(accountId, region).repositories.get(name);
  return {
    token: (password) => backend.tokens.get(password),
    hasRepository: (accountId, region, name) => repo(accountId, region, name) !== undefined,
    tagImmutable(accountId, region, name, tag) {
      const r = repo(accountId, region, name);
      return r !== undefined && tagImmutable(r, tag);
    },
    manifest(accountId, region, name, reference) {
      const r = repo(accountId, region, name);
      const image = r && findImage(r, reference.includes(":") ? { imageDigest: reference } : { imageTag: reference });
      return image && { digest: image.digest, mediaType: image.mediaType, manifest: image.manifest };
    },
    tags: (accountId, region, name) => [...(repo(accountId, region, name)?.images.values() ?? [])].flatMap((i) => i.tags),
    repositories: (accountId, region) => [...backend.states.get(accountId, region).repositories.keys()],
  };
}
