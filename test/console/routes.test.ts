// Where the console lives: a browser opening the server's root is sent there, its static files are
// served, and the API at POST / and every other address answers exactly as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type TestLocal } from "../helpers/local.js";

let t: TestLocal;
beforeAll(async () => {
  t = await startLocal({ accountId: "111122223333", region: "ap-southeast-2" });
});
afterAll(() => t.close());

describe("console routes", () => {
  it("redirects a browser at / to the console", async () => {
    const res = await fetch(t.url + "/", { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/_ecs-local/console/");
  });

  it("answers GET / without a browser's Accept as before: no operation there", async () => {
    const res = await fetch(t.url + "/", { redirect: "manual" });
    expect(res.status).toBe(400);
    expect((await res.json()).__type).toBe("UnknownOperationException");
  });

  it("keeps the API at POST / unchanged, even with a browser's Accept", async () => {
    const res = await t.raw("AmazonEC2ContainerServiceV20141113.ListClusters", "{}", { Accept: "text/html" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ clusterArns: [] });
  });

  it("serves the page, its script and stylesheet as static files", async () => {
    const page = await fetch(t.url + "/_ecs-local/console/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="app.js">');
    const js = await fetch(t.url + "/_ecs-local/console/app.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    // Bundled at build time: no import is left for the browser to fetch from anywhere.
    expect(await js.text()).not.toMatch(/\bimport\s*[{("'*]/);
    const css = await fetch(t.url + "/_ecs-local/console/style.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
  });

  it("adds the slash the page's relative paths need", async () => {
    const res = await fetch(t.url + "/_ecs-local/console", { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/_ecs-local/console/");
  });

  it("tells the page the default account and region, which the API alone cannot", async () => {
    const res = await fetch(t.url + "/_ecs-local/console/defaults.json");
    expect(await res.json()).toMatchObject({ accountId: "111122223333", region: "ap-southeast-2" });
  });

  it("answers an unknown console file with 404 and other paths as before", async () => {
    expect((await fetch(t.url + "/_ecs-local/console/nope.js")).status).toBe(404);
    const other = await fetch(t.url + "/elsewhere");
    expect(other.status).toBe(400);
    expect((await other.json()).__type).toBe("UnknownOperationException");
  });
});
