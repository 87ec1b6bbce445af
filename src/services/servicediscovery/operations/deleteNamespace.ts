import type { Handler } from "../context.js";
import { ResourceInUse } from "../generated/errors.js";
import { getNamespace, servicesIn } from "../domain/lookup.js";
import { startOperation } from "../domain/operations.js";

/** Refused while it holds services, in Cloud Map's words. */
export const deleteNamespace: Handler<"DeleteNamespace"> = (input, ctx) => {
  const { state } = ctx;
  const ns = getNamespace(state, input.Id);
  if (servicesIn(state, ns.namespace.Id!).length) throw new ResourceInUse("Namespace has associated services; delete the services before deleting the namespace");
  state.namespaces.delete(ns.namespace.Id!);
  state.tags.delete(ns.namespace.Arn!);
  return { OperationId: startOperation(ctx, "DELETE_NAMESPACE", { NAMESPACE: ns.namespace.Id! }) };
};
