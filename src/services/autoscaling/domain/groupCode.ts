// What of Auto Scaling acts on groups from outside its operations: EC2's instance changes
// (health.ts) and the port ECS's capacity providers use (port.ts), with the group lifecycle, scaling
// and launch code they reach (about 47 KB). Every start compiled it before its first request; it now
// loads with the first Auto Scaling operation (service.ts: whoever loads one, a request, the
// in-process client, a journal's replay, loads this too). No group exists before an operation has
// run, so until then an instance change concerns no group and the port finds none.
import type { Ec2State, InstanceRecord } from "../../ec2/context.js";
import type { AutoScalingBackend, AutoScalingPort } from "../context.js";
import { liveGroup } from "./groups.js";
import { lazyCode } from "../../lazy.js";

const code = lazyCode(() =>
  Promise.all([import("./health.js"), import("./port.js")]).then(([health, port]) => ({ onInstanceChange: health.onInstanceChange, groupsPort: port.groupsPort })),
);

/** Loads the code; undefined once loaded (await only then). */
export const loadGroupCode = (): Promise<void> | undefined => code.load();

/** EC2's listener: every instance state change, of any account. */
export function instanceChanged(backend: AutoScalingBackend, ec2State: Ec2State, rec: InstanceRecord): void {
  code.get()?.onInstanceChange(backend, ec2State, rec);
}

/** The port, answering as port.ts does once the code is loaded, and as it would with no group before. */
export function lazyGroupsPort(backend: AutoScalingBackend): AutoScalingPort {
  let loaded: AutoScalingPort | undefined;
  const port = (): AutoScalingPort | undefined => {
    const loadedCode = code.get();
    return loadedCode ? (loaded ??= loadedCode.groupsPort(backend)) : undefined;
  };
  // Changing a group before any exists fails as port.ts's lookup does (AWS's not-found error).
  const noGroup = (accountId: string, region: string, nameOrArn: string): void => {
    liveGroup(backend.states.get(accountId, region), nameOrArn);
    throw new Error("Auto Scaling's group code was used before it was loaded");
  };
  return {
    group: (accountId, region, nameOrArn) => port()?.group(accountId, region, nameOrArn),
    setDesiredCapacity(accountId, region, nameOrArn, desired, cause) {
      const p = port();
      if (p) p.setDesiredCapacity(accountId, region, nameOrArn, desired, cause);
      else noGroup(accountId, region, nameOrArn);
    },
    setInstanceProtection(accountId, region, nameOrArn, instanceIds, protect) {
      const p = port();
      if (p) p.setInstanceProtection(accountId, region, nameOrArn, instanceIds, protect);
      else noGroup(accountId, region, nameOrArn);
    },
    instanceTypes: (accountId, region, nameOrArn) => port()?.instanceTypes(accountId, region, nameOrArn) ?? [],
    groupOfInstance: (accountId, region, instanceId) => port()?.groupOfInstance(accountId, region, instanceId),
    onTerminating: (listener) => void backend.terminatingListeners.push(listener),
  };
}
