// PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting, ListAccountSettings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());
beforeEach(() => t.local.reset());

const ROOT = "arn:aws:iam::000000000000:root";
const USER = "arn:aws:iam::000000000000:user/MyUser";

const DEFAULTS: [string, string][] = [
  ["awsvpcTrunking", "disabled"],
  ["containerInsights", "disabled"],
  ["containerInstanceLongArnFormat", "enabled"],
  ["defaultLogDriverMode", "non-blocking"],
  ["dualStackIPv6", "disabled"],
  ["fargateEventWindows", "disabled"],
  ["fargateFIPSMode", "disabled"],
  ["fargateTaskRetirementWaitPeriod", "7"],
  ["guardDutyActivate", "off"],
  ["serviceLongArnFormat", "enabled"],
  ["tagResourceAuthorization", "on"],
  ["taskLongArnFormat", "enabled"],
];

async function effective(principalArn?: string) {
  const out: { name?: string; value?: string; principalArn?: string; type?: string }[] = [];
  let nextToken: string | undefined;
  do {
    const r = await t.ecs("ListAccountSettings", { effectiveSettings: true, ...(principalArn ? { principalArn } : {}), ...(nextToken ? { nextToken } : {}) });
    out.push(...r.settings!);
    nextToken = r.nextToken;
  } while (nextToken);
  return out;
}

describe("validation", () => {
  it("refuses a setting name ECS does not know, naming the name given (getmoto/moto#4456)", async () => {
    for (const op of ["PutAccountSetting", "PutAccountSettingDefault"] as const) {
      const e = await t.ecsError(op, { name: "unknown", value: "enabled" });
      expect(e.code).toBe("InvalidParameterException");
      expect(e.message).toBe(
        "unknown should be one of [serviceLongArnFormat,taskLongArnFormat,containerInstanceLongArnFormat,awsvpcTrunking,containerInsights,fargateFIPSMode,tagResourceAuthorization,fargateTaskRetirementWaitPeriod,guardDutyActivate,defaultLogDriverMode,fargateEventWindows,dualStackIPv6]",
      );
    }
  });

  it("knows every setting the developer guide documents, dualStackIPv6 included", async () => {
    const r = await t.ecs("PutAccountSettingDefault", { name: "dualStackIPv6", value: "enabled" });
    expect(r.setting).toEqual({ name: "dualStackIPv6", value: "enabled", principalArn: ROOT, type: "user" });
    expect((await t.ecs("ListAccountSettings", { name: "dualStackIPv6", effectiveSettings: true })).settings).toEqual([r.setting]);
  });

  it("refuses a value the setting does not take, with ECS's text, storing nothing", async () => {
    for (const [name, value] of [["taskLongArnFormat", "ENABLED"], ["tagResourceAuthorization", "enabled"], ["fargateTaskRetirementWaitPeriod", "3"], ["containerInsights", "on"]]) {
      const e = await t.ecsError("PutAccountSetting", { name, value });
      expect(e).toEqual({ status: 400, code: "InvalidParameterException", message: "Invalid setting 'value'" });
      expect((await t.ecsError("PutAccountSettingDefault", { name, value })).message).toBe("Invalid setting 'value'");
    }
    expect((await t.ecs("ListAccountSettings", {})).settings).toEqual([]);
  });

  it("refuses a principal ARN that is not an IAM user, role or root of this account", async () => {
    for (const principalArn of ["MyUser", "arn:aws:iam::111111111111:user/Other", "arn:aws:s3:::bucket"]) {
      const e = await t.ecsError("PutAccountSetting", { name: "awsvpcTrunking", value: "enabled", principalArn });
      expect(e.code).toBe("InvalidParameterException");
    }
    expect((await t.ecs("ListAccountSettings", { principalArn: ROOT })).settings).toEqual([]);
  });

  it("refuses maxResults outside 1 to 10", async () => {
    expect((await t.ecsError("ListAccountSettings", { maxResults: 11 })).message).toBe("maxResults must be between 1 and 10.");
  });

  it("needs a name to filter by value", async () => {
    expect((await t.ecsError("ListAccountSettings", { value: "enabled" })).code).toBe("InvalidParameterException");
  });
});

describe("errors", () => {
  it("keeps guardDutyActivate read-only", async () => {
    expect((await t.ecsError("PutAccountSetting", { name: "guardDutyActivate", value: "on" })).code).toBe("InvalidParameterException");
    expect((await t.ecsError("PutAccountSettingDefault", { name: "guardDutyActivate", value: "on" })).code).toBe("InvalidParameterException");
    expect((await t.ecsError("DeleteAccountSetting", { name: "guardDutyActivate" })).code).toBe("InvalidParameterException");
  });

  it("lets only the root user set the Fargate retirement wait period", async () => {
    expect((await t.ecsError("PutAccountSetting", { name: "fargateTaskRetirementWaitPeriod", value: "14", principalArn: USER })).code).toBe("InvalidParameterException");
    const r = await t.ecs("PutAccountSetting", { name: "fargateTaskRetirementWaitPeriod", value: "14", principalArn: ROOT });
    expect(r.setting).toEqual({ name: "fargateTaskRetirementWaitPeriod", value: "14", principalArn: ROOT, type: "user" });
  });
});

describe("functionality", () => {
  it("reports AWS's defaults for an account that changed nothing, by name, ten to a page", async () => {
    const first = await t.ecs("ListAccountSettings", { effectiveSettings: true });
    expect(first.settings).toHaveLength(10);
    expect(first.nextToken).toBeDefined();
    const all = await effective();
    expect(all.map((s) => [s.name, s.value])).toEqual(DEFAULTS);
    expect(all.every((s) => s.principalArn === ROOT)).toBe(true);
    expect(all.find((s) => s.name === "guardDutyActivate")!.type).toBe("aws_managed");
    expect(all.find((s) => s.name === "containerInsights")!.type).toBe("user");
  });

  it("pages with a smaller maxResults", async () => {
    const r = await t.ecs("ListAccountSettings", { effectiveSettings: true, maxResults: 4 });
    expect(r.settings!.map((s) => s.name)).toEqual(DEFAULTS.slice(0, 4).map(([n]) => n));
    const next = await t.ecs("ListAccountSettings", { effectiveSettings: true, maxResults: 4, nextToken: r.nextToken });
    expect(next.settings!.map((s) => s.name)).toEqual(DEFAULTS.slice(4, 8).map(([n]) => n));
  });

  it("lists only explicitly set settings without effectiveSettings", async () => {
    await t.ecs("PutAccountSetting", { name: "awsvpcTrunking", value: "enabled" });
    const r = await t.ecs("ListAccountSettings", {});
    expect(r).toEqual({ settings: [{ name: "awsvpcTrunking", value: "enabled", principalArn: ROOT, type: "user" }] });
  });

  it("makes PutAccountSettingDefault the value every principal without its own inherits", async () => {
    const r = await t.ecs("PutAccountSettingDefault", { name: "containerInsights", value: "enhanced" });
    expect(r.setting).toEqual({ name: "containerInsights", value: "enhanced", principalArn: ROOT, type: "user" });
    const forUser = await t.ecs("ListAccountSettings", { effectiveSettings: true, principalArn: USER, name: "containerInsights" });
    expect(forUser.settings).toEqual([{ name: "containerInsights", value: "enhanced", principalArn: ROOT, type: "user" }]);
    expect((await t.ecs("ListAccountSettings", { principalArn: USER })).settings).toEqual([]);
  });

  it("lets a principal override the default for itself only", async () => {
    await t.ecs("PutAccountSetting", { name: "awsvpcTrunking", value: "enabled", principalArn: USER });
    const own = await t.ecs("ListAccountSettings", { effectiveSettings: true, principalArn: USER, name: "awsvpcTrunking" });
    expect(own.settings).toEqual([{ name: "awsvpcTrunking", value: "enabled", principalArn: USER, type: "user" }]);
    const root = await t.ecs("ListAccountSettings", { effectiveSettings: true, name: "awsvpcTrunking" });
    expect(root.settings).toEqual([{ name: "awsvpcTrunking", value: "disabled", principalArn: ROOT, type: "user" }]);
  });

  it("filters by name and value", async () => {
    await t.ecs("PutAccountSetting", { name: "awsvpcTrunking", value: "enabled" });
    expect((await t.ecs("ListAccountSettings", { effectiveSettings: true, name: "awsvpcTrunking", value: "enabled" })).settings).toHaveLength(1);
    expect((await t.ecs("ListAccountSettings", { effectiveSettings: true, name: "awsvpcTrunking", value: "disabled" })).settings).toEqual([]);
  });

  it("deletes a principal's own setting, answering with what it removed", async () => {
    await t.ecs("PutAccountSetting", { name: "awsvpcTrunking", value: "enabled", principalArn: USER });
    const r = await t.ecs("DeleteAccountSetting", { name: "awsvpcTrunking", principalArn: USER });
    expect(r.setting).toEqual({ name: "awsvpcTrunking", value: "enabled", principalArn: USER, type: "user" });
    expect((await t.ecs("ListAccountSettings", { principalArn: USER })).settings).toEqual([]);
    const eff = await t.ecs("ListAccountSettings", { effectiveSettings: true, principalArn: USER, name: "awsvpcTrunking" });
    expect(eff.settings![0]).toMatchObject({ value: "disabled", principalArn: ROOT });
  });

  it("restores AWS's default when the root user's setting is deleted", async () => {
    await t.ecs("PutAccountSettingDefault", { name: "awsvpcTrunking", value: "enabled" });
    await t.ecs("DeleteAccountSetting", { name: "awsvpcTrunking" });
    const eff = await t.ecs("ListAccountSettings", { effectiveSettings: true, name: "awsvpcTrunking" });
    expect(eff.settings).toEqual([{ name: "awsvpcTrunking", value: "disabled", principalArn: ROOT, type: "user" }]);
  });

  it("keeps account settings per region", async () => {
    await t.ecs("PutAccountSettingDefault", { name: "awsvpcTrunking", value: "enabled" }, { region: "eu-west-1" });
    expect((await t.ecs("ListAccountSettings", {})).settings).toEqual([]);
    expect((await t.ecs("ListAccountSettings", {}, { region: "eu-west-1" })).settings).toHaveLength(1);
  });
});
