// ECS account settings: what an account starts with, which values each setting takes, and how a
// principal's own setting, the root user's (the account default) and AWS's default stack up.
import { InvalidParameterException } from "../generated/errors.js";
import type { Setting, SettingName } from "../generated/types.js";
import type { EcsState } from "../store.js";

interface SettingRule {
  /** What an account that never touched the setting reports. */
  initial: string;
  values: string[];
}

const ON_OFF = ["enabled", "disabled"];

// `satisfies` keeps this table in step with the model: a new SettingName is a compile error here.
const RULES = {
  awsvpcTrunking: { initial: "disabled", values: ON_OFF },
  containerInsights: { initial: "disabled", values: ["enabled", "disabled", "enhanced"] },
  containerInstanceLongArnFormat: { initial: "enabled", values: ON_OFF },
  defaultLogDriverMode: { initial: "non-blocking", values: ["blocking", "non-blocking"] },
  dualStackIPv6: { initial: "disabled", values: ON_OFF },
  fargateEventWindows: { initial: "disabled", values: ON_OFF },
  fargateFIPSMode: { initial: "disabled", values: ON_OFF },
  fargateTaskRetirementWaitPeriod: { initial: "7", values: ["0", "7", "14"] },
  guardDutyActivate: { initial: "off", values: ["on", "off"] },
  serviceLongArnFormat: { initial: "enabled", values: ON_OFF },
  tagResourceAuthorization: { initial: "on", values: ["on", "off"] },
  taskLongArnFormat: { initial: "enabled", values: ON_OFF },
} satisfies Record<SettingName, SettingRule>;

/** Every setting name, in the order ListAccountSettings answers (by name). */
export const SETTING_NAMES = (Object.keys(RULES) as SettingName[]).sort();

const PRINCIPAL = /^arn:aws[a-z-]*:iam::(\d{12}):(root|user\/.+|role\/.+)$/;

export function rootArn(state: EcsState): string {
  return `arn:aws:iam::${state.accountId}:root`;
}

/**
 * The principal a request names, or the caller when it names none. ecs-local has no IAM, so the
 * caller is the account's root user.
 */
export function principalOf(state: EcsState, principalArn: string | undefined): string {
  if (principalArn === undefined) return rootArn(state);
  const m = PRINCIPAL.exec(principalArn);
  if (!m || m[1] !== state.accountId) throw new InvalidParameterException("Invalid principal ARN.");
  return principalArn;
}

/** The long ARN format is mandatory now: these settings can only stay enabled. */
const LONG_ARN_SETTINGS = new Set<SettingName>(["serviceLongArnFormat", "taskLongArnFormat", "containerInstanceLongArnFormat"]);

/** Refuses a value the setting does not take, and the setting AWS manages itself. */
export function checkSetting(state: EcsState, name: SettingName, value: string, principal: string): void {
  if (name === "guardDutyActivate") throw new InvalidParameterException("guardDutyActivate is a read-only account setting.");
  if (!(RULES[name].values as string[]).includes(value)) throw new InvalidParameterException("Invalid setting 'value'");
  if (LONG_ARN_SETTINGS.has(name) && value === "disabled") throw new InvalidParameterException("You can no longer disable Long Arn settings");
  if (name === "fargateTaskRetirementWaitPeriod" && principal !== rootArn(state)) {
    throw new InvalidParameterException("fargateTaskRetirementWaitPeriod can only be set by the root user.");
  }
}

export function settingOf(name: SettingName, value: string, principalArn: string): Setting {
  return { name, value, principalArn, type: name === "guardDutyActivate" ? "aws_managed" : "user" };
}

export function storeSetting(state: EcsState, principal: string, name: SettingName, value: string): void {
  let own = state.accountSettings.get(principal);
  if (!own) state.accountSettings.set(principal, (own = new Map()));
  own.set(name, value);
}

/** The settings a principal set itself, by name. */
export function explicitSettings(state: EcsState, principal: string): Setting[] {
  const own = state.accountSettings.get(principal);
  return SETTING_NAMES.filter((n) => own?.has(n)).map((n) => settingOf(n, own!.get(n)!, principal));
}

/** The setting that applies to a principal: its own, else the root user's, else AWS's default. */
export function effectiveSetting(state: EcsState, principal: string, name: SettingName): Setting {
  const own = state.accountSettings.get(principal)?.get(name);
  if (own !== undefined) return settingOf(name, own, principal);
  const root = rootArn(state);
  return settingOf(name, state.accountSettings.get(root)?.get(name) ?? RULES[name].initial, root);
}
