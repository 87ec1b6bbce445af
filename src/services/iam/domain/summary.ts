// GetAccountSummary: what the account holds, and IAM's default quotas (the IAM and AWS STS quotas
// page of the IAM User Guide; the API reference's example for the keys).
import type { IamState } from "../context.js";
import type { summaryKeyType } from "../generated/types.js";
import { ATTACHED_QUOTA, INLINE_QUOTA } from "./policyHolders.js";
import { KEYS_PER_USER } from "./accessKeys.js";
import { POLICY_SIZE, VERSIONS_PER_POLICY } from "./policies.js";
import { TRUST_POLICY_SIZE } from "./roles.js";

const QUOTAS: Partial<Record<summaryKeyType, number>> = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: 1500,
  ServerCertificatesQuota: 20,
  GroupsPerUserQuota: 10,
  SigningCertificatesPerUserQuota: 2,
  AccessKeysPerUserQuota: KEYS_PER_USER,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: ATTACHED_QUOTA,
  AttachedPoliciesPerUserQuota: ATTACHED_QUOTA,
  UserPolicySizeQuota: INLINE_QUOTA.user,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: INLINE_QUOTA.role,
  PolicySizeQuota: POLICY_SIZE,
  AssumeRolePolicySizeQuota: TRUST_POLICY_SIZE,
  VersionsPerPolicyQuota: VERSIONS_PER_POLICY,
  PolicyVersionsInUseQuota: 10000,
  GlobalEndpointTokenVersion: 1,
};

export function accountSummary(state: IamState): Record<string, number> {
  let attachments = 0;
  for (const e of [...state.roles.values(), ...state.users.values()]) attachments += e.attached.length;
  const usage: Partial<Record<summaryKeyType, number>> = {
    Users: state.users.size,
    Groups: 0,
    Roles: state.roles.size,
    InstanceProfiles: state.instanceProfiles.size,
    Policies: state.policies.size,
    PolicyVersionsInUse: attachments,
    ServerCertificates: 0,
    MFADevices: 0,
    MFADevicesInUse: 0,
    AccountMFAEnabled: 0,
    AccountAccessKeysPresent: 0,
    AccountSigningCertificatesPresent: 0,
    Providers: 0,
  };
  return { ...usage, ...QUOTAS } as Record<string, number>;
}
