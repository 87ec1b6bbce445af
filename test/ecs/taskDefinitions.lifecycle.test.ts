// Describe, List, ListFamilies, Deregister and Delete of task definitions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const register = async (family: string, tags?: { key: string; value: string }[]) =>
  (await t.ecs("RegisterTaskDefinition", { family, containerDefinitions: [{ name: "c", image: "busybox", memory: 64 }], ...(tags ? { tags } : {}) })).taskDefinition!;

const arnsOf = (r: { taskDefinitionArns?: string[] }) => r.taskDefinitionArns!.map((a) => a.split("/")[1]);

describe("validation", () => {
  it("requires the task definition reference", async () => {
    expect((await t.ecsError("DescribeTaskDefinition", {})).code).toBe("ValidationException");
    expect((await t.ecsError("DeregisterTaskDefinition", {})).code).toBe("ValidationException");
    expect((await t.ecsError("DeleteTaskDefinitions", {})).code).toBe("ValidationException");
  });

  it("checks maxResults and nextToken", async () => {
    for (const op of ["ListTaskDefinitions", "ListTaskDefinitionFamilies"] as const) {
      expect(await t.ecsError(op, { maxResults: 0 })).toMatchObject({ code: "InvalidParameterException", message: "maxResults must be between 1 and 100." });
      expect(await t.ecsError(op, { maxResults: 101 })).toMatchObject({ code: "InvalidParameterException", message: "maxResults must be between 1 and 100." });
      expect(await t.ecsError(op, { nextToken: "garbage" })).toMatchObject({ code: "InvalidParameterException", message: "Invalid token" });
    }
  });

  it("refuses statuses outside the model", async () => {
    expect(await t.ecsError("ListTaskDefinitions", { status: "GONE" })).toMatchObject({ code: "InvalidParameterException", message: "status should be one of [ACTIVE,INACTIVE,DELETE_IN_PROGRESS]" });
    expect(await t.ecsError("ListTaskDefinitionFamilies", { status: "DELETE_IN_PROGRESS" })).toMatchObject({ code: "InvalidParameterException", message: "status should be one of [ACTIVE,INACTIVE,ALL]" });
  });
});

describe("errors", () => {
  it("cannot describe what does not exist", async () => {
    await register("known");
    for (const ref of ["nope", "known:2", "known:0", "known:x", "arn:aws:ecs:eu-west-1:123456789012:task-definition/known:1"]) {
      expect(await t.ecsError("DescribeTaskDefinition", { taskDefinition: ref })).toMatchObject({ code: "ClientException", message: "Unable to describe task definition." });
    }
  });

  it("deregisters only a named revision that exists", async () => {
    await register("dereg-err");
    expect(await t.ecsError("DeregisterTaskDefinition", { taskDefinition: "dereg-err" })).toMatchObject({ code: "ClientException", message: "Revision is missing." });
    expect(await t.ecsError("DeregisterTaskDefinition", { taskDefinition: "dereg-err:5" })).toMatchObject({
      code: "ClientException",
      message: "Unable to describe task definition.",
    });
    expect(await t.ecsError("DeregisterTaskDefinition", { taskDefinition: "dereg-err:foo" })).toMatchObject({
      code: "InvalidParameterException",
      message: "Invalid revision number. Number: foo",
    });
    const d = await t.ecs("DescribeTaskDefinition", { taskDefinition: "dereg-err" });
    expect(d.taskDefinition!.status).toBe("ACTIVE");
  });
});

describe("functionality", () => {
  it("describes by family, family:revision and ARN", async () => {
    const r1 = await register("desc");
    const r2 = await register("desc");
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "desc" })).taskDefinition!.revision).toBe(2);
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "desc:1" })).taskDefinition).toEqual(r1);
    const byArn = await t.ecs("DescribeTaskDefinition", { taskDefinition: r2.taskDefinitionArn! });
    expect(byArn.taskDefinition).toEqual(r2);
    expect(byArn.tags).toBeUndefined();
  });

  it("answers tags only when asked", async () => {
    await register("desc-tags", [{ key: "k", value: "v" }]);
    await register("desc-untagged");
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "desc-tags" })).tags).toBeUndefined();
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "desc-tags", include: ["TAGS"] })).tags).toEqual([{ key: "k", value: "v" }]);
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "desc-untagged", include: ["TAGS"] })).tags).toEqual([]);
  });

  it("deregisters, then lists and describes the revision as INACTIVE", async () => {
    await register("life");
    await register("life");
    t.clock.set(Date.UTC(2026, 1, 1));
    const d = await t.ecs("DeregisterTaskDefinition", { taskDefinition: "life:2" });
    expect(d.taskDefinition).toMatchObject({ revision: 2, status: "INACTIVE", deregisteredAt: Date.UTC(2026, 1, 1) / 1000 });
    // The family now resolves to its latest ACTIVE revision; the INACTIVE one by number.
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "life" })).taskDefinition!.revision).toBe(1);
    expect((await t.ecs("DescribeTaskDefinition", { taskDefinition: "life:2" })).taskDefinition!.status).toBe("INACTIVE");
    expect(arnsOf(await t.ecs("ListTaskDefinitions", { familyPrefix: "life" }))).toEqual(["life:1"]);
    expect(arnsOf(await t.ecs("ListTaskDefinitions", { familyPrefix: "life", status: "INACTIVE" }))).toEqual(["life:2"]);
    // Again: answered unchanged.
    t.clock.set(Date.UTC(2026, 1, 2));
    const again = await t.ecs("DeregisterTaskDefinition", { taskDefinition: d.taskDefinition!.taskDefinitionArn! });
    expect(again.taskDefinition!.deregisteredAt).toBe(Date.UTC(2026, 1, 1) / 1000);
    // Revisions keep counting after deregistration.
    expect((await register("life")).revision).toBe(3);
  });

  it("lists ACTIVE definitions sorted by family then revision, both ways", async () => {
    await register("sort-b");
    await register("sort-a");
    await register("sort-a");
    for (let i = 0; i < 9; i++) await register("sort-a");
    const asc = arnsOf(await t.ecs("ListTaskDefinitions", {})).filter((a) => a.startsWith("sort-"));
    expect(asc).toEqual([...Array.from({ length: 11 }, (_, i) => `sort-a:${i + 1}`), "sort-b:1"]);
    const desc = arnsOf(await t.ecs("ListTaskDefinitions", { sort: "DESC" })).filter((a) => a.startsWith("sort-"));
    expect(desc).toEqual([...asc].reverse());
  });

  it("takes familyPrefix as a whole family name", async () => {
    await register("pre");
    await register("prefixed");
    expect(arnsOf(await t.ecs("ListTaskDefinitions", { familyPrefix: "pre" }))).toEqual(["pre:1"]);
    expect((await t.ecs("ListTaskDefinitions", { familyPrefix: "pr" })).taskDefinitionArns).toEqual([]);
  });

  it("pages through task definitions", async () => {
    for (let i = 0; i < 5; i++) await register("paged");
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const r = await t.ecs("ListTaskDefinitions", { familyPrefix: "paged", maxResults: 2, ...(nextToken ? { nextToken } : {}) });
      expect(r.taskDefinitionArns!.length).toBeLessThanOrEqual(2);
      seen.push(...arnsOf(r));
      nextToken = r.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(["paged:1", "paged:2", "paged:3", "paged:4", "paged:5"]);
  });

  it("lists families by prefix and status, with pages", async () => {
    await register("fam-live");
    await register("fam-gone");
    await register("fam-mixed");
    await register("fam-mixed");
    await t.ecs("DeregisterTaskDefinition", { taskDefinition: "fam-gone:1" });
    await t.ecs("DeregisterTaskDefinition", { taskDefinition: "fam-mixed:1" });
    const list = async (status?: "ACTIVE" | "INACTIVE" | "ALL") =>
      (await t.ecs("ListTaskDefinitionFamilies", { familyPrefix: "fam-", ...(status ? { status } : {}) })).families;
    expect(await list()).toEqual(["fam-gone", "fam-live", "fam-mixed"]);
    expect(await list("ALL")).toEqual(["fam-gone", "fam-live", "fam-mixed"]);
    expect(await list("ACTIVE")).toEqual(["fam-live", "fam-mixed"]);
    expect(await list("INACTIVE")).toEqual(["fam-gone"]);
    const p1 = await t.ecs("ListTaskDefinitionFamilies", { familyPrefix: "fam-", maxResults: 2 });
    expect(p1.families).toEqual(["fam-gone", "fam-live"]);
    const p2 = await t.ecs("ListTaskDefinitionFamilies", { familyPrefix: "fam-", maxResults: 2, nextToken: p1.nextToken! });
    expect(p2).toEqual({ families: ["fam-mixed"] });
  });

  it("deletes INACTIVE revisions and reports the rest as failures", async () => {
    await register("del");
    await register("del");
    await t.ecs("DeregisterTaskDefinition", { taskDefinition: "del:1" });
    t.clock.set(Date.UTC(2026, 2, 1));
    const r = await t.ecs("DeleteTaskDefinitions", { taskDefinitions: ["del:1", "del:2", "del:9", "del"] });
    expect(r.taskDefinitions!.map((td) => [td.revision, td.status, td.deleteRequestedAt])).toEqual([[1, "DELETE_IN_PROGRESS", Date.UTC(2026, 2, 1) / 1000]]);
    expect(r.failures).toEqual([
      { arn: "del:2", reason: "The specified task definition is still in ACTIVE status. Please deregister the target and try again." },
      { arn: "del:9", reason: "The specified task definition does not exist. Specify a valid account, family, revision and try again." },
      { arn: "del", reason: "The specified task definition identifier is invalid. Specify a valid name or ARN and try again." },
    ]);
    expect(arnsOf(await t.ecs("ListTaskDefinitions", { familyPrefix: "del", status: "DELETE_IN_PROGRESS" }))).toEqual(["del:1"]);
    expect(arnsOf(await t.ecs("ListTaskDefinitions", { familyPrefix: "del", status: "INACTIVE" }))).toEqual([]);
    expect(await t.ecsError("DescribeTaskDefinition", { taskDefinition: "del:1" })).toMatchObject({ message: "Unable to describe task definition." });
    // The deleted revision's number is not reused.
    expect((await register("del")).revision).toBe(3);
  });
});
