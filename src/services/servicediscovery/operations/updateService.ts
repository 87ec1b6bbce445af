import type { Handler } from "../context.js";
import { InvalidInput } from "../generated/errors.js";
import { getService, namespaceOf } from "../domain/lookup.js";
import { startOperation } from "../domain/operations.js";
import { checkHealthConfig } from "../domain/services.js";

/** A description, the TTLs of the records the service has, and a Route 53 health check. */
export const updateService: Handler<"UpdateService"> = (input, ctx) => {
  const { state } = ctx;
  const sr = getService(state, input.Id);
  const change = input.Service;
  const records = change.DnsConfig?.DnsRecords;
  if (records) {
    const have = (sr.service.DnsConfig?.DnsRecords ?? []).map((r) => r.Type).sort().join(",");
    if (records.map((r) => r.Type).sort().join(",") !== have) throw new InvalidInput("The record types of a service cannot be changed; only their TTLs.");
  }
  const hc = change.HealthCheckConfig ? structuredClone(change.HealthCheckConfig) : undefined;
  if (hc) checkHealthConfig(namespaceOf(state, sr)!, hc, sr.service.HealthCheckCustomConfig);
  if (change.Description !== undefined) sr.service.Description = change.Description;
  if (records) sr.service.DnsConfig = { ...sr.service.DnsConfig!, DnsRecords: records.map((r) => ({ ...r })) };
  if (hc) sr.service.HealthCheckConfig = hc;
  return { OperationId: startOperation(ctx, "UPDATE_SERVICE", { SERVICE: sr.service.Id! }) };
};
