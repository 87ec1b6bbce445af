// A service behind the rest-xml protocol built on the shared backend (S3): the dispatch from an
// operation name to its handler, loaded on first use, and the service's own words for what the
// protocol refuses.
import type { BlobStore, RestXmlErrors, RestXmlService } from "../protocol/restXml.js";
import type { HttpBinding } from "../protocol/restXmlRoute.js";
import type { RequestContext } from "../protocol/context.js";
import { lazyOperations } from "./lazy.js";
import type { QueryHandler } from "./queryService.js";
import type { ServiceBackend, ServiceContext } from "./serviceBackend.js";

/** The generated metadata a rest-xml service is routed by (src/services/<name>/generated/operations.ts). */
export interface RestXmlModel {
  SIGNING_NAME: string;
  XML_NAMESPACE: string;
  OPERATIONS: readonly string[];
  MODEL_OPERATIONS: readonly string[];
  HTTP_BINDINGS: Readonly<Record<string, HttpBinding>>;
}

export interface RestXmlServiceDefinition<S, B extends ServiceBackend<S>> {
  name: string;
  model: RestXmlModel;
  backend: B & { blobs: BlobStore };
  operations: () => Promise<{ handlers: Record<string, QueryHandler<ServiceContext<S, B>> | null> }>;
  operation: (name: string) => Promise<Record<string, unknown>>;
  errors: RestXmlErrors;
  maxBlobBytes: number;
  /** The context an operation runs in (S3's buckets are one namespace, not a store per account and region). */
  context: (backend: B, request: RequestContext) => ServiceContext<S, B>;
  reset?: () => void;
  changesState?: readonly string[];
}

export function restXmlService<S, B extends ServiceBackend<S>>(def: RestXmlServiceDefinition<S, B>): RestXmlService {
  const { backend, model } = def;
  const operations = lazyOperations(def.operations, def.operation);
  // Built on first use: every service is made at start, and most are never called.
  let known: Set<string> | undefined;
  let generatedOps: Set<string> | undefined;
  const generated = { has: (op: string): boolean => (generatedOps ??= new Set<string>(model.OPERATIONS)).has(op) };
  return {
    name: def.name,
    protocol: "rest-xml",
    signingName: model.SIGNING_NAME,
    xmlNamespace: model.XML_NAMESPACE,
    bindings: model.HTTP_BINDINGS,
    blobs: backend.blobs,
    errors: def.errors,
    maxBlobBytes: def.maxBlobBytes,
    operations: model.MODEL_OPERATIONS,
    has: (op) => (known ??= new Set(model.MODEL_OPERATIONS)).has(op),
    implemented: (op) => generated.has(op) && operations.handler(op) !== null,
    load: (op) => (op !== undefined && !generated.has(op) ? undefined : operations.load(op)),
    preload: (op) => (generated.has(op) ? operations.preload(op) : undefined),
    changesState: def.changesState,
    reset() {
      backend.states.reset();
      def.reset?.();
    },
    invoke(op, input, request) {
      const handler = operations.handler(op);
      if (!handler) throw def.errors.unsupported(op);
      return handler(input as never, def.context(backend, request));
    },
  };
}
