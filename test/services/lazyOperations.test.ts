// Operations load when a request needs them (src/services/lazy.ts): the first call of an operation
// loads its own file, operations/<camelCase>.js. That file must hold the very handler the service's
// table (operations/index.ts) lists, for every service, or the two ways of loading would disagree.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { ManualClock } from "../../src/engine/clock.js";
import { REPO_ROOT } from "../../src/paths.js";
import { lazyOperations, operationFile } from "../../src/services/lazy.js";

const SERVICES = join(REPO_ROOT, "src", "services");
const services = readdirSync(SERVICES).filter((d) => existsSync(join(SERVICES, d, "operations", "index.ts")));

describe("each service's operation files agree with its table", () => {
  it("covers every service with an operations table", () => {
    expect(services).toEqual(expect.arrayContaining(["ecs", "logs", "sts", "ec2", "elbv2"]));
  });

  it.each(services)("%s: an implemented operation's file exports its handler under its name; a lacking one has none", async (name) => {
    const { handlers } = (await import(join(SERVICES, name, "operations", "index.ts"))) as { handlers: Record<string, unknown> };
    for (const [op, handler] of Object.entries(handlers)) {
      const file = join(SERVICES, name, "operations", `${operationFile(op)}.ts`);
      if (handler === null) {
        if (existsSync(file)) expect((await import(file))[operationFile(op)], `${name} ${op}: a file, but null in the table`).toBeUndefined();
        continue;
      }
      expect(existsSync(file), `${name} ${op}: no file ${operationFile(op)}.ts`).toBe(true);
      expect((await import(file))[operationFile(op)], `${name} ${op}`).toBe(handler);
    }
  });
});

describe("lazy operations", () => {
  it("loads one operation's file for its first call, the table only when needed, and nothing after", async () => {
    const loaded: string[] = [];
    const ops = lazyOperations(
      async () => (loaded.push("index"), { handlers: { ListThings: () => "list", DeleteThing: null } }),
      async (name) => {
        loaded.push(name);
        if (name === "listThings") return { listThings: () => "list" };
        throw new Error("no such file");
      },
    );
    await ops.load("ListThings");
    expect(loaded).toEqual(["listThings"]);
    expect(ops.handler("ListThings")!()).toBe("list");
    expect(ops.load("ListThings")).toBeUndefined();
    // No file of its own: the table decides (it lacks it).
    await ops.load("DeleteThing");
    expect(loaded).toEqual(["listThings", "deleteThing", "index"]);
    expect(ops.handler("DeleteThing")).toBeNull();
    expect(ops.load()).toBeUndefined();
  });

  it("takes an importer that throws at once (a bundle's, for a file it lacks) as a missing file", async () => {
    const ops = lazyOperations(
      async () => ({ handlers: { ListThings: () => "list", DeleteThing: null } }),
      (name) => {
        if (name === "listThings") return Promise.resolve({ listThings: () => "list" });
        throw new Error(`Module not found in bundle: ./operations/${name}.js`);
      },
    );
    await ops.load("DeleteThing");
    expect(ops.handler("DeleteThing")).toBeNull();
    expect(ops.handler("ListThings")!()).toBe("list");
  });

  it("preload loads an operation's own file and never the table; a missing file is left for its request", async () => {
    const loaded: string[] = [];
    const ops = lazyOperations(
      async () => (loaded.push("index"), { handlers: { ListThings: () => "list", DeleteThing: null } }),
      (name) => {
        loaded.push(name);
        if (name === "listThings") return Promise.resolve({ listThings: () => "list" });
        throw new Error(`Module not found in bundle: ./operations/${name}.js`);
      },
    );
    await ops.preload("ListThings");
    await ops.preload("DeleteThing");
    expect(loaded).toEqual(["listThings", "deleteThing"]);
    expect(ops.handler("ListThings")!()).toBe("list");
    // Loaded ahead: its first request awaits nothing.
    expect(ops.load("ListThings")).toBeUndefined();
    expect(ops.preload("ListThings")).toBeUndefined();
    expect(() => ops.handler("DeleteThing")).toThrow(/before it was loaded/);
    await ops.load("DeleteThing");
    expect(loaded).toEqual(["listThings", "deleteThing", "deleteThing", "index"]);
    expect(ops.handler("DeleteThing")).toBeNull();
  });

  it("a server's warm-up has a step for each operation of every service and for each input validator", async () => {
    const local = createApp({ clock: new ManualClock() });
    const preloaded: string[] = [];
    for (const s of local.registry.all) {
      const preload = s.preload!.bind(s);
      s.preload = (op) => (preloaded.push(`${s.name} ${op}`), preload(op));
    }
    const steps = local.warmSteps();
    let count = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) {
      await next.value();
      count++;
    }
    const operations = local.registry.all.flatMap((s) => s.operations.map((op) => `${s.name} ${op}`));
    expect(preloaded).toEqual(operations);
    const schemas = local.registry.all.reduce((n, s) => n + readdirSync(join(REPO_ROOT, "schemas", s.name)).filter((f) => f.endsWith(".input.json")).length, 0);
    expect(count).toBe(operations.length + schemas);
    await local.close();
  }, 60_000);

  it("a server answers its first request having loaded only that operation, and health loads them all", async () => {
    const local = createApp({ clock: new ManualClock() });
    const ecs = local.registry.json.find((s) => s.name === "ecs")!;
    expect(() => ecs.implemented("ListClusters")).toThrow(/before it was loaded/);
    const sts = local.registry.query.find((s) => s.name === "sts")!;
    await sts.load!("GetCallerIdentity");
    expect(sts.implemented("GetCallerIdentity")).toBe(true);
    const health = await local.registry.health();
    expect(health.ecs.supported).toBeGreaterThan(50);
    expect(ecs.implemented("ListClusters")).toBe(true);
    await local.close();
  });
});
