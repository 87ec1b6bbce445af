// What an ECR operation receives besides its input, the shape of its dispatch table, and the port the
// registry's data plane reads ECR through (src/dataplane/registry/).
import type { Timer } from "../../engine/timeline.js";
import type { Backends } from "../backends.js";
import type { ServiceBackend, ServiceContext } from "../serviceBackend.js";
import type { Input, Operation, Output } from "./generated/operations.js";
import type { EcrState } from "./store.js";

export type { EcrState } from "./store.js";

/** A registry password GetAuthorizationToken issued: the registry (account) and region it opens, until when (epoch seconds). */
export interface IssuedToken {
  accountId: string;
  region: string;
  expiresAt: number;
}

/** An image as the registry serves it: the manifest's bytes exactly as pushed. */
export interface RegistryManifest {
  digest: string;
  mediaType: string;
  manifest: string;
}

/** What the registry's data plane reads of ECR: who a password is, and the repositories and images of an account's registry. */
export interface EcrRegistryPort {
  /** The account, region and expiry of a `docker login` password ECR issued (expired ones too, until pruned); undefined for any other. */
  token(password: string): IssuedToken | undefined;
  hasRepository(accountId: string, region: string, name: string): boolean;
  /** Whether pushing `tag` again may move it (the repository's tag mutability and its exclusions). */
  tagImmutable(accountId: string, region: string, name: string, tag: string): boolean;
  /** The image a tag or digest names. */
  manifest(accountId: string, region: string, name: string, reference: string): RegistryManifest | undefined;
  tags(accountId: string, region: string, name: string): string[];
  repositories(accountId: string, region: string): string[];
}

export interface EcrBackend extends ServiceBackend<EcrState> {
  peers: Backends;
  /** Registry passwords by password, in every account and region. */
  tokens: Map<string, IssuedToken>;
  /** The pending application of each repository's lifecycle policy, by `<account>/<region>/<name>`. */
  lifecycleTimers: Map<string, Timer>;
  registry: EcrRegistryPort;
}

export type EcrContext = ServiceContext<EcrState, EcrBackend>;

export type Handler<Op extends Operation> = (input: Input<Op>, ctx: EcrContext) => Output<Op>;

export type Handlers = { [Op in Operation]: Handler<Op> | null };
