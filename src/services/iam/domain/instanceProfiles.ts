// Instance profiles: found by name, and shown with the role they hold.
import type { IamState, InstanceProfileRecord } from "../context.js";
import type { InstanceProfile } from "../generated/types.js";
import { keyOf } from "./entities.js";
import { notFound } from "./errors.js";
import { roleView } from "./roles.js";
import { tagsMember } from "./tags.js";

export function findInstanceProfile(state: IamState, name: string): InstanceProfileRecord {
  const profile = state.instanceProfiles.get(keyOf(name));
  if (!profile) throw notFound.instanceProfile(name);
  return profile;
}

/** With its tags (GetInstanceProfile, CreateInstanceProfile) or without (the lists). */
export function instanceProfileView(state: IamState, p: InstanceProfileRecord, withTags: boolean): InstanceProfile {
  const roles = p.roles.map((key) => roleView(state.roles.get(key)!, "profile"));
  return { Path: p.path, InstanceProfileName: p.name, InstanceProfileId: p.id, Arn: p.arn, CreateDate: p.createDate, Roles: roles, ...(withTags ? tagsMember(p.tags) : {}) };
}

/** The instance profiles holding the role. */
export const profilesOfRole = (state: IamState, roleKey: string): InstanceProfileRecord[] => [...state.instanceProfiles.values()].filter((p) => p.roles.includes(roleKey));
