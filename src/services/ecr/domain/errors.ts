// ECR's errors in its words (RepositoryNotFoundException as users pasted it, e.g.
// "The repository with name 'oresvc' does not exist in the registry with id '904734893309'"; the
// others in the same form, as moto records them).
import {
  LifecyclePolicyNotFoundException,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  RepositoryPolicyNotFoundException,
} from "../generated/errors.js";

export const ecrErrors = {
  notFound: (name: string, registry: string) => new RepositoryNotFoundException(`The repository with name '${name}' does not exist in the registry with id '${registry}'`),
  exists: (name: string, registry: string) => new RepositoryAlreadyExistsException(`The repository with name '${name}' already exists in the registry with id '${registry}'`),
  noLifecyclePolicy: (name: string, registry: string) =>
    new LifecyclePolicyNotFoundException(`Lifecycle policy does not exist for the repository with name '${name}' in the registry with id '${registry}'`),
  noPolicy: (name: string, registry: string) =>
    new RepositoryPolicyNotFoundException(`Repository policy does not exist for the repository with name '${name}' in the registry with id '${registry}'`),
};
