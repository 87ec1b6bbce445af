// The dispatch table (written by `npm run handlers -- iam` from the operation files present):
// every generated operation, each with its handler or null while ecs-local lacks it.
import type { Handlers } from "../context.js";
import { addRoleToInstanceProfile } from "./addRoleToInstanceProfile.js";
import { attachRolePolicy } from "./attachRolePolicy.js";
import { attachUserPolicy } from "./attachUserPolicy.js";
import { createAccessKey } from "./createAccessKey.js";
import { createAccountAlias } from "./createAccountAlias.js";
import { createInstanceProfile } from "./createInstanceProfile.js";
import { createPolicy } from "./createPolicy.js";
import { createPolicyVersion } from "./createPolicyVersion.js";
import { createRole } from "./createRole.js";
import { createServiceLinkedRole } from "./createServiceLinkedRole.js";
import { createUser } from "./createUser.js";
import { deleteAccessKey } from "./deleteAccessKey.js";
import { deleteAccountAlias } from "./deleteAccountAlias.js";
import { deleteInstanceProfile } from "./deleteInstanceProfile.js";
import { deletePolicy } from "./deletePolicy.js";
import { deletePolicyVersion } from "./deletePolicyVersion.js";
import { deleteRole } from "./deleteRole.js";
import { deleteRolePermissionsBoundary } from "./deleteRolePermissionsBoundary.js";
import { deleteRolePolicy } from "./deleteRolePolicy.js";
import { deleteServiceLinkedRole } from "./deleteServiceLinkedRole.js";
import { deleteUser } from "./deleteUser.js";
import { deleteUserPolicy } from "./deleteUserPolicy.js";
import { detachRolePolicy } from "./detachRolePolicy.js";
import { detachUserPolicy } from "./detachUserPolicy.js";
import { getAccessKeyLastUsed } from "./getAccessKeyLastUsed.js";
import { getAccountSummary } from "./getAccountSummary.js";
import { getInstanceProfile } from "./getInstanceProfile.js";
import { getPolicy } from "./getPolicy.js";
import { getPolicyVersion } from "./getPolicyVersion.js";
import { getRole } from "./getRole.js";
import { getRolePolicy } from "./getRolePolicy.js";
import { getServiceLinkedRoleDeletionStatus } from "./getServiceLinkedRoleDeletionStatus.js";
import { getUser } from "./getUser.js";
import { getUserPolicy } from "./getUserPolicy.js";
import { listAccessKeys } from "./listAccessKeys.js";
import { listAccountAliases } from "./listAccountAliases.js";
import { listAttachedRolePolicies } from "./listAttachedRolePolicies.js";
import { listAttachedUserPolicies } from "./listAttachedUserPolicies.js";
import { listEntitiesForPolicy } from "./listEntitiesForPolicy.js";
import { listGroupsForUser } from "./listGroupsForUser.js";
import { listInstanceProfileTags } from "./listInstanceProfileTags.js";
import { listInstanceProfiles } from "./listInstanceProfiles.js";
import { listInstanceProfilesForRole } from "./listInstanceProfilesForRole.js";
import { listPolicies } from "./listPolicies.js";
import { listPolicyTags } from "./listPolicyTags.js";
import { listPolicyVersions } from "./listPolicyVersions.js";
import { listRolePolicies } from "./listRolePolicies.js";
import { listRoleTags } from "./listRoleTags.js";
import { listRoles } from "./listRoles.js";
import { listUserPolicies } from "./listUserPolicies.js";
import { listUserTags } from "./listUserTags.js";
import { listUsers } from "./listUsers.js";
import { putRolePermissionsBoundary } from "./putRolePermissionsBoundary.js";
import { putRolePolicy } from "./putRolePolicy.js";
import { putUserPolicy } from "./putUserPolicy.js";
import { removeRoleFromInstanceProfile } from "./removeRoleFromInstanceProfile.js";
import { setDefaultPolicyVersion } from "./setDefaultPolicyVersion.js";
import { tagInstanceProfile } from "./tagInstanceProfile.js";
import { tagPolicy } from "./tagPolicy.js";
import { tagRole } from "./tagRole.js";
import { tagUser } from "./tagUser.js";
import { untagInstanceProfile } from "./untagInstanceProfile.js";
import { untagPolicy } from "./untagPolicy.js";
import { untagRole } from "./untagRole.js";
import { untagUser } from "./untagUser.js";
import { updateAccessKey } from "./updateAccessKey.js";
import { updateAssumeRolePolicy } from "./updateAssumeRolePolicy.js";
import { updateRole } from "./updateRole.js";
import { updateRoleDescription } from "./updateRoleDescription.js";
import { updateUser } from "./updateUser.js";

export const handlers: Handlers = {
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  AttachRolePolicy: attachRolePolicy,
  AttachUserPolicy: attachUserPolicy,
  CreateAccessKey: createAccessKey,
  CreateAccountAlias: createAccountAlias,
  CreateInstanceProfile: createInstanceProfile,
  CreatePolicy: createPolicy,
  CreatePolicyVersion: createPolicyVersion,
  CreateRole: createRole,
  CreateServiceLinkedRole: createServiceLinkedRole,
  CreateUser: createUser,
  DeleteAccessKey: deleteAccessKey,
  DeleteAccountAlias: deleteAccountAlias,
  DeleteInstanceProfile: deleteInstanceProfile,
  DeletePolicy: deletePolicy,
  DeletePolicyVersion: deletePolicyVersion,
  DeleteRole: deleteRole,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
  DeleteRolePolicy: deleteRolePolicy,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  DeleteUser: deleteUser,
  DeleteUserPolicy: deleteUserPolicy,
  DetachRolePolicy: detachRolePolicy,
  DetachUserPolicy: detachUserPolicy,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  GetAccountSummary: getAccountSummary,
  GetInstanceProfile: getInstanceProfile,
  GetPolicy: getPolicy,
  GetPolicyVersion: getPolicyVersion,
  GetRole: getRole,
  GetRolePolicy: getRolePolicy,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
  GetUser: getUser,
  GetUserPolicy: getUserPolicy,
  ListAccessKeys: listAccessKeys,
  ListAccountAliases: listAccountAliases,
  ListAttachedRolePolicies: listAttachedRolePolicies,
  ListAttachedUserPolicies: listAttachedUserPolicies,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  ListGroupsForUser: listGroupsForUser,
  ListInstanceProfileTags: listInstanceProfileTags,
  ListInstanceProfiles: listInstanceProfiles,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  ListPolicies: listPolicies,
  ListPolicyTags: listPolicyTags,
  ListPolicyVersions: listPolicyVersions,
  ListRolePolicies: listRolePolicies,
  ListRoleTags: listRoleTags,
  ListRoles: listRoles,
  ListUserPolicies: listUserPolicies,
  ListUserTags: listUserTags,
  ListUsers: listUsers,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  PutRolePolicy: putRolePolicy,
  PutUserPolicy: putUserPolicy,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  TagInstanceProfile: tagInstanceProfile,
  TagPolicy: tagPolicy,
  TagRole: tagRole,
  TagUser: tagUser,
  UntagInstanceProfile: untagInstanceProfile,
  UntagPolicy: untagPolicy,
  UntagRole: untagRole,
  UntagUser: untagUser,
  UpdateAccessKey: updateAccessKey,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  UpdateUser: updateUser,
};
