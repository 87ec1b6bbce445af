// The console's identity and configuration pages in Chromium against one server: IAM roles (the
// trust policy decoded, the attached and inline policies), Parameter Store parameters and Secrets
// Manager secrets (metadata, never a value), and a task definition's roles and secret sources.
// Every answer the page receives is kept, to show that no value ever reaches it.
// Called from services.test.ts, which owns the browser and the server.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cells, rows, see, shot, STEP_MS, until, type Browser } from "./browser.js";
import type { TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";
import { jsonCalls, type JsonCalls } from "../helpers/json.js";

const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const INLINE = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }] });
const EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
/** What must never reach the page. */
const VALUES = ["hunter2-first-VALUE", "hunter2-second-VALUE", "db.internal.VALUE", "s3cr3t-api-VALUE"];


export function identityTests(browser: () => Browser, server: () => TestLocal): void {
  let t: TestLocal;
  let iam: QueryCaller;
  let ssm: JsonCalls;
  let sm: JsonCalls;
  let page: Page;
  let secretArn = "";
  const answers: Promise<string>[] = [];

  beforeAll(async () => {
    t = server();
    iam = queryCaller(t, "iam");
    ssm = jsonCalls(t, "ssm");
    sm = jsonCalls(t, "secretsmanager");
    await iam.call("CreateRole", { RoleName: "ecsTaskExecutionRole", AssumeRolePolicyDocument: TRUST, Description: "Pulls images and reads secrets" });
    await iam.call("AttachRolePolicy", { RoleName: "ecsTaskExecutionRole", PolicyArn: EXECUTION_POLICY });
    await iam.call("PutRolePolicy", { RoleName: "ecsTaskExecutionRole", PolicyName: "read-secrets", PolicyDocument: INLINE });
    await iam.call("CreateRole", { RoleName: "shop-task", Path: "/app/", AssumeRolePolicyDocument: TRUST });
    await ssm.call("PutParameter", { Name: "/shop/db/host", Type: "String", Value: VALUES[2] });
    await ssm.call("PutParameter", { Name: "/shop/db/password", Type: "SecureString", Value: VALUES[0], Description: "The database password" });
    await ssm.call("PutParameter", { Name: "/shop/db/password", Type: "SecureString", Value: VALUES[1], Overwrite: true });
    secretArn = (await sm.call("CreateSecret", { Name: "shop/api-key", SecretString: JSON.stringify({ key: VALUES[3] }), Description: "Partner API key", ClientRequestToken: "5f0b2a43-3c4e-4e5b-9d1a-0c2b6f7e8a91" })).ARN;
    page = await browser().context.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.on("response", (r) => {
      if (r.request().method() === "POST") answers.push(r.text().catch(() => ""));
    });
    await page.goto(`${t.url}/_ecs-local/console/#/roles`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
  });
  afterAll(async () => {
    await page?.close();
  });

  it("lists the account's roles with who may assume them, and shows a role's trust policy decoded and its policies", async () => {
    await see(rows(page).filter({ hasText: "shop-task" }));
    expect((await cells(page, "Roles", "ecsTaskExecutionRole")).slice(0, 4)).toEqual(["ecsTaskExecutionRole", "ecs-tasks.amazonaws.com", "/", expect.any(String)]);
    expect((await cells(page, "Roles", "shop-task"))[2]).toBe("/app/");
    await page.getByRole("link", { name: "ecsTaskExecutionRole" }).click();
    await see(page.getByRole("heading", { name: "Role ecsTaskExecutionRole" }));
    const role = (await iam.call("GetRole", { RoleName: "ecsTaskExecutionRole" })).Role;
    await see(page.locator(".summary").getByText(role.Arn, { exact: true }));
    await see(page.locator(".summary").getByText("1 hour", { exact: true }));
    expect(await cells(page, "Trusted entities", "ecs-tasks")).toEqual(["Allow", "Service", "ecs-tasks.amazonaws.com", "sts:AssumeRole"]);
    // IAM answers the document URL-encoded; the page shows it as JSON.
    expect(JSON.parse(await page.locator("pre.json").innerText())).toEqual(JSON.parse(TRUST));
    expect(await cells(page, "Permissions policies", "AmazonECSTaskExecutionRolePolicy")).toEqual(["AmazonECSTaskExecutionRolePolicy", "AWS managed", EXECUTION_POLICY]);
    expect(await cells(page, "Permissions policies", "read-secrets")).toEqual(["read-secrets", "Customer inline", "—"]);
    await shot(page, "role");
  });

  it("shows IAM's own error for a role that does not exist, and says when a parameter does not exist or is one of AWS's public ones", async () => {
    await page.goto(`${t.url}/_ecs-local/console/#/roles/nobody`);
    const e = await iam.error("GetRole", { RoleName: "nobody" });
    await see(page.locator(".form-error").getByText(`${e.code}: ${e.message}`, { exact: true }));
    await page.goto(`${t.url}/_ecs-local/console/#/parameters/${encodeURIComponent("/shop/nope")}`);
    await see(page.getByText("No parameter named /shop/nope in account 000000000000, us-east-1."));
    const ami = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    await page.goto(`${t.url}/_ecs-local/console/#/parameters/${encodeURIComponent(ami)}`);
    await see(page.getByText(`${ami} is one of AWS's public parameters: Parameter Store reads it, but DescribeParameters does not describe it.`));
  });

  it("lists parameters by path with type and version, and shows SSM's error for a path it refuses", async () => {
    await page.locator("#nav").getByRole("link", { name: "Parameters" }).click();
    await see(rows(page).filter({ hasText: "/shop/db/password" }));
    const [meta] = (await ssm.call("DescribeParameters", { ParameterFilters: [{ Key: "Name", Values: ["/shop/db/password"] }] })).Parameters;
    expect((await cells(page, "Parameters", "/shop/db/password")).slice(0, 5)).toEqual(["/shop/db/password", "Standard", "SecureString", "text", "2"]);
    expect(meta.Version).toBe(2);
    await page.getByLabel("Path").fill("/shop/db");
    await page.getByLabel("Path").press("Enter");
    await until("the two parameters under /shop/db are listed", async () => (await rows(page).count()) === 2);
    await page.getByLabel("Path").fill("/aws/service");
    await page.getByLabel("Path").press("Enter");
    const e = await ssm.error("DescribeParameters", { ParameterFilters: [{ Key: "Path", Option: "Recursive", Values: ["/aws/service"] }] });
    await see(page.locator(".form-error").getByText(`${e.code}: ${e.message}`, { exact: true }));
    await page.getByLabel("Path").fill("");
    await page.getByLabel("Path").press("Enter");
    await see(rows(page).filter({ hasText: "/shop/db/host" }));
    await shot(page, "parameters");
  });

  it("lists secrets with their current version and shows a secret's versions and stages", async () => {
    await page.locator("#nav").getByRole("link", { name: "Secrets" }).click();
    const d = await sm.call("DescribeSecret", { SecretId: "shop/api-key" });
    const current = Object.keys(d.VersionIdsToStages)[0];
    await see(rows(page).filter({ hasText: "shop/api-key" }));
    expect((await cells(page, "Secrets", "shop/api-key")).slice(0, 4)).toEqual(["shop/api-key", "Secrets Manager secret", "Partner API key", current]);
    await page.getByRole("link", { name: "shop/api-key" }).click();
    await see(page.getByRole("heading", { name: "Secret shop/api-key" }));
    expect(await cells(page, "Versions", current)).toEqual([current, "AWSCURRENT"]);
    await see(page.locator(".summary").getByText(secretArn, { exact: true }));
  });

  it("shows a task definition's roles by name and each secret's source with its type, version and last change", async () => {
    await t.ecs("RegisterTaskDefinition", {
      family: "shop-api",
      taskRoleArn: "arn:aws:iam::000000000000:role/app/shop-task",
      executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
      containerDefinitions: [
        {
          name: "api",
          image: "registry.example.com/shop/api",
          memory: 256,
          repositoryCredentials: { credentialsParameter: "shop/api-key" },
          secrets: [
            { name: "DB_PASSWORD", valueFrom: "/shop/db/password" },
            { name: "DB_HOST", valueFrom: "arn:aws:ssm:us-east-1:000000000000:parameter/shop/db/host" },
            { name: "API_KEY", valueFrom: `${secretArn}:key::` },
            { name: "GONE", valueFrom: "/shop/missing" },
          ],
        },
      ],
    });
    await page.goto(`${t.url}/_ecs-local/console/#/task-definitions/shop-api`);
    await see(page.getByRole("heading", { name: "shop-api:1" }));
    const summary = page.locator(".summary");
    await see(summary.getByRole("link", { name: "shop-task", exact: true }));
    expect(await summary.getByRole("link", { name: "ecsTaskExecutionRole" }).getAttribute("href")).toBe("#/roles/ecsTaskExecutionRole");
    const secrets = "Secrets";
    await until("the password's version is shown", async () => (await cells(page, secrets, "DB_PASSWORD"))[7] === "2");
    expect((await cells(page, secrets, "DB_PASSWORD")).slice(0, 8)).toEqual(["api", "DB_PASSWORD", "Environment variable", "Parameter Store", "/shop/db/password", "latest version", "SecureString", "2"]);
    expect((await cells(page, secrets, "DB_HOST")).slice(3, 8)).toEqual(["Parameter Store", "/shop/db/host", "latest version", "String", "1"]);
    const d = await sm.call("DescribeSecret", { SecretId: secretArn });
    expect((await cells(page, secrets, "API_KEY")).slice(3, 8)).toEqual(["Secrets Manager", "shop/api-key", "JSON key key", "Secrets Manager secret", Object.keys(d.VersionIdsToStages)[0]]);
    expect((await cells(page, secrets, "GONE")).slice(4, 7)).toEqual(["/shop/missing", "latest version", "No such parameter"]);
    // A registry's credentials are a Secrets Manager secret, here named by its name.
    expect((await cells(page, secrets, "Registry credentials")).slice(1, 6)).toEqual(["—", "Registry credentials", "Secrets Manager", "shop/api-key", "AWSCURRENT"]);
    await shot(page, "task-definition-secrets");
    await page.getByRole("table", { name: secrets }).getByRole("link", { name: "/shop/db/password" }).click();
    await see(page.getByRole("heading", { name: "Parameter /shop/db/password" }));
    // The heading comes before the parameter's answer: read the summary once it holds it.
    const summaryOf = async () => Object.fromEntries(await page.locator(".summary div").evaluateAll((ds) => ds.map((d) => [d.querySelector("dt")!.textContent, d.querySelector("dd")!.textContent])));
    await until("the parameter's summary is shown", async () => (await summaryOf()).Name === "/shop/db/password");
    expect(await summaryOf()).toMatchObject({ Name: "/shop/db/password", Type: "SecureString", Version: "2", Description: "The database password" });
    await page.goBack();
    await page.getByRole("table", { name: secrets }).locator("tbody tr").filter({ hasText: "API_KEY" }).getByRole("link", { name: "shop/api-key" }).click();
    await see(page.getByRole("heading", { name: "Secret shop/api-key" }));
  });

  it("never lets a parameter's or a secret's value reach the page", async () => {
    const html = await page.content();
    const texts = await Promise.all(answers);
    expect(texts.length).toBeGreaterThan(20);
    for (const v of VALUES) {
      expect(html).not.toContain(v);
      for (const body of texts) expect(body).not.toContain(v);
    }
  });
}
