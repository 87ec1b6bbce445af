// Finding a repository, and how ECR names and shows one: its ARN, its URI in the account's registry.
import type { Config } from "../../../config.js";
import type { Repository } from "../generated/types.js";
import type { EcrContext } from "../context.js";
import type { RepositoryRecord } from "../store.js";
import { InvalidParameterException } from "../generated/errors.js";
import { ecrErrors } from "./errors.js";

// The pattern ECR holds names to, whole, as its refusals quote it (jenkins-x/jx#1344); the model's
// pattern is looser and, unanchored, would let a name with capitals through.
const NAME = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";
const WHOLE_NAME = new RegExp(`^${NAME}$`);

export function checkRepositoryName(name: string): void {
  if (!WHOLE_NAME.test(name)) throw new InvalidParameterException(`Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '${NAME}''`);
}

export const repositoryArn = (ctx: EcrContext, name: string): string => `arn:aws:ecr:${ctx.state.region}:${ctx.state.accountId}:repository/${name}`;

/** Where `docker push` reaches this server's registry: `localhost:<port>` (Docker pushes to it over plain HTTP). */
export const localRegistryHost = (config: Config): string => `localhost:${config.port}`;

/** AWS's registry host of an account in a region. */
export const awsRegistryHost = (accountId: string, region: string): string => `${accountId}.dkr.ecr.${region}.amazonaws.com`;

/**
 * A repository's URI: by default the one a local `docker push` works with, `localhost:<port>/<name>`
 * (the credentials' account and region say whose registry it is); with `--repository-uri aws`,
 * AWS's `<account>.dkr.ecr.<region>.amazonaws.com/<name>` (tasks naming it still run the image from here).
 */
export function repositoryUri(config: Config, accountId: string, region: string, name: string): string {
  return `${config.repositoryUri === "aws" ? awsRegistryHost(accountId, region) : localRegistryHost(config)}/${name}`;
}

/** GetAuthorizationToken's `proxyEndpoint`: the registry `docker login` is told to log in to. */
export function proxyEndpoint(config: Config, accountId: string, region: string): string {
  return config.repositoryUri === "aws" ? `https://${awsRegistryHost(accountId, region)}` : `http://${localRegistryHost(config)}`;
}

/**
 * The caller's repository. A `registryId` names the account's registry; another account's is not
 * reachable here (chosen: answered as not found in that registry).
 */
export function findRepository(ctx: EcrContext, name: string, registryId?: string): RepositoryRecord {
  checkRepositoryName(name);
  const registry = registryId ?? ctx.state.accountId;
  const repo = registry === ctx.state.accountId ? ctx.state.repositories.get(name) : undefined;
  if (!repo) throw ecrErrors.notFound(name, registry);
  return repo;
}

export function repositoryView(ctx: EcrContext, r: RepositoryRecord): Repository {
  return {
    repositoryArn: r.arn,
    registryId: ctx.state.accountId,
    repositoryName: r.name,
    repositoryUri: repositoryUri(ctx.backend.config, ctx.state.accountId, ctx.state.region, r.name),
    createdAt: r.createdAt,
    imageTagMutability: r.imageTagMutability,
    ...(r.imageTagMutabilityExclusionFilters ? { imageTagMutabilityExclusionFilters: r.imageTagMutabilityExclusionFilters } : {}),
    imageScanningConfiguration: r.imageScanningConfiguration,
    encryptionConfiguration: r.encryptionConfiguration,
  };
}
