// What EC2 keeps for compute besides instances and the network: the account's own images, key pairs,
// launch templates and EBS volumes, and the per-instance settings DescribeInstanceAttribute answers.
import type { Image, KeyPairInfo, LaunchTemplate, LaunchTemplateVersion, Volume } from "../generated/types.js";

export interface LaunchTemplateRecord {
  /** As DescribeLaunchTemplates answers it, tags apart. */
  template: LaunchTemplate & { LaunchTemplateId: string; LaunchTemplateName: string; DefaultVersionNumber: number; LatestVersionNumber: number };
  /** Versions by number; deleted ones are gone, their numbers never reused. */
  versions: Map<number, LaunchTemplateVersion>;
  /** The highest number ever given, deleted or not: the next version is one more. */
  lastNumber: number;
}

export interface KeyPairRecord {
  /** With its `PublicKey` (OpenSSH line) always; DescribeKeyPairs shows it only when asked. */
  info: KeyPairInfo & { KeyPairId: string; KeyName: string; PublicKey: string };
}

export interface InstanceSettings {
  disableApiTermination: boolean;
  disableApiStop: boolean;
  shutdownBehavior: "stop" | "terminate";
  /** Burstable types only: `standard` or `unlimited`. */
  cpuCredits?: string;
}

export interface ComputeState {
  /** Images the account registered (RegisterImage), by id; Amazon's public ones live in the catalog. */
  images: Map<string, Image>;
  /** Key pairs by name. */
  keyPairs: Map<string, KeyPairRecord>;
  /** Launch templates by id. */
  launchTemplates: Map<string, LaunchTemplateRecord>;
  /** EBS volumes by id (instances' root volumes); deleted ones are gone. */
  volumes: Map<string, Volume>;
}

export function newComputeState(): ComputeState {
  return { images: new Map(), keyPairs: new Map(), launchTemplates: new Map(), volumes: new Map() };
}
