// The console's ECR pages in Chromium: the repositories with their URIs and settings, a repository's
// images (tags, digest, size, pushed at, scan status) and its push commands, and ECR's own error for
// a repository that does not exist. Images are put as the registry puts them after a push (in
// process). Called from services.test.ts, which owns the browser and the server.
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cells, rows, see, shot, STEP_MS, type Browser } from "./browser.js";
import type { TestLocal } from "../helpers/local.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";

const sha = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

export function repositoryTests(browser: () => Browser, server: () => TestLocal): void {
  let t: TestLocal;
  let ecr: JsonCalls;
  let page: Page;
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.docker.distribution.manifest.v2+json",
    config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 100, digest: sha("config") },
    layers: [{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: 3_145_728, digest: sha("layer") }],
  });

  beforeAll(async () => {
    t = server();
    ecr = jsonCalls(t, "ecr");
    await ecr.call("CreateRepository", { repositoryName: "shop/web", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } });
    await t.local.registry.load();
    const request = { accountId: "000000000000", region: "us-east-1", requestId: "r", via: "registry" as const };
    t.local.registry.backends.client.call("ecr", "PutImage", { repositoryName: "shop/web", imageManifest: manifest, imageTag: "v1" }, request);
    t.local.registry.backends.client.call("ecr", "PutImage", { repositoryName: "shop/web", imageManifest: manifest, imageTag: "latest" }, request);
    t.advance(0);
    page = await browser().context.newPage();
    page.setDefaultTimeout(STEP_MS);
  });
  afterAll(async () => {
    await page?.close();
  });

  it("lists repositories and shows a repository's images and its push commands", async () => {
    await page.goto(`${t.url}/_ecs-local/console/`);
    await page.locator("#nav").getByRole("link", { name: "Repositories" }).click();
    await see(rows(page).filter({ hasText: "shop/web" }));
    const uri = `localhost:${new URL(t.url).port}/shop/web`;
    expect((await cells(page, "Repositories", "shop/web")).filter((_, i) => i !== 2)).toEqual(["shop/web", uri, "IMMUTABLE", "Enabled", "AES256"]);
    await page.getByRole("link", { name: "shop/web" }).click();
    await see(page.getByRole("heading", { name: "Repository shop/web" }));
    await see(page.getByRole("heading", { name: "Images (1)" }));
    const [tags, digest, size, , scan, mediaType] = await cells(page, "Images", "v1");
    expect([tags, digest, size, scan, mediaType]).toEqual(["v1, latest", `${sha(manifest).slice(0, 19)}…`, "3.00 MB", "COMPLETE", "application/vnd.docker.distribution.manifest.v2+json"]);
    const commands = await page.locator("pre.commands").innerText();
    expect(commands.split("\n")).toEqual([
      `aws ecr get-login-password --region us-east-1 --endpoint-url ${t.url} | docker login --username AWS --password-stdin localhost:${new URL(t.url).port}`,
      `docker tag <image> ${uri}:latest`,
      `docker push ${uri}:latest`,
    ]);
    await shot(page, "repository");
  });

  it("shows ECR's own error for a repository that does not exist", async () => {
    await page.goto(`${t.url}/_ecs-local/console/#/repositories/team/nope`);
    const e = await ecr.error("DescribeRepositories", { repositoryNames: ["team/nope"] });
    await see(page.locator(".form-error").getByText(`${e.code}: ${e.message}`, { exact: true }));
  });
}
