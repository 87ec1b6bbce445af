// CloudWatch Logs through the real `aws` CLI v1 against the started server: what users type to read
// a task's output. (`aws logs tail` exists only in the CLI v2, which reads through FilterLogEvents.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../e2e/server.js";
import { clientEnv, cliPresent, awsCli } from "../e2e/tools.js";

if (!cliPresent) console.warn("SKIPPED the aws logs CLI test: no `aws` on PATH");
let server: RunningServer;

async function aws(...args: string[]): Promise<any> {
  const { stdout } = await awsCli(["logs", ...args, "--endpoint-url", server.url, "--output", "json"], { env: clientEnv() });
  return stdout.trim() ? JSON.parse(stdout) : {};
}

describe.skipIf(!cliPresent)("aws logs (CLI v1)", () => {
  beforeAll(async () => {
    server = await startServer({ ECS_LOCAL_VALIDATE_OUTPUT: "1" });
  });
  afterAll(async () => server?.stop());

  it("creates a group and stream, writes events and reads them back with get-log-events and filter-log-events", async () => {
    await aws("create-log-group", "--log-group-name", "/ecs/web");
    await aws("create-log-stream", "--log-group-name", "/ecs/web", "--log-stream-name", "ecs/web/1");
    const now = Date.now();
    const events = JSON.stringify([0, 1, 2].map((i) => ({ timestamp: now + i, message: `request ${i} ${i === 1 ? "ERROR" : "ok"}` })));
    await aws("put-log-events", "--log-group-name", "/ecs/web", "--log-stream-name", "ecs/web/1", "--log-events", events);
    const got = await aws("get-log-events", "--log-group-name", "/ecs/web", "--log-stream-name", "ecs/web/1", "--start-from-head");
    expect(got.events.map((e: any) => e.message)).toEqual(["request 0 ok", "request 1 ERROR", "request 2 ok"]);
    expect(got.nextForwardToken).toMatch(/^f\//);
    // The CLI pages FilterLogEvents itself (its paginator), here one event per page.
    const filtered = await aws("filter-log-events", "--log-group-name", "/ecs/web", "--filter-pattern", "request -ERROR", "--page-size", "1");
    expect(filtered.events.map((e: any) => e.message)).toEqual(["request 0 ok", "request 2 ok"]);
    const groups = await aws("describe-log-groups", "--log-group-name-prefix", "/ecs/");
    expect(groups.logGroups.map((g: any) => g.logGroupName)).toEqual(["/ecs/web"]);
    await expect(aws("create-log-group", "--log-group-name", "/ecs/web")).rejects.toThrow(/ResourceAlreadyExistsException.*The specified log group already exists/);
    // Each CLI call starts a Python process: about a second apiece on a busy two-core machine.
  }, 90_000);
});
