// Managed Daemons' ARNs, in the forms AWS shows them (the API reference and the daemon events page):
// daemon/<cluster>/<name>, daemon-revision/<cluster>/<name>/<uuid>,
// daemon-deployment/<cluster>/<name>/<21 letters and digits>.
import type { EcsState } from "../store.js";
import { ecsArn, parseArn } from "../domain/arn.js";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export const daemonArn = (state: EcsState, cluster: string, name: string): string => ecsArn(state, `daemon/${cluster}/${name}`);

export function newRevisionArn(state: EcsState, cluster: string, name: string): string {
  return ecsArn(state, `daemon-revision/${cluster}/${name}/${state.ids.uuid()}`);
}

export function newDeploymentArn(state: EcsState, cluster: string, name: string): string {
  const id = [...state.ids.bytes(21)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
  return ecsArn(state, `daemon-deployment/${cluster}/${name}/${id}`);
}

/** Whether an ARN is one of this account and region, of the given type. */
export function ownArn(state: EcsState, arn: string, type: string): boolean {
  const p = parseArn(arn);
  return !!p && p.type === type && p.accountId === state.accountId && p.region === state.region;
}

/** The id tail of a revision ARN: what a daemon task's startedBy carries. */
export const revisionId = (arn: string): string => arn.split("/").pop()!;
