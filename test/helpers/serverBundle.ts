// The end-to-end tests start the server as a process, about forty times in a run. Started by tsx
// from the sources, each start took about 1.1 s of CPU (Node's ES module loader resolving and
// compiling some hundreds of modules); from one bundled file, as the package ships it, 0.25 s. So
// the global set-up bundles the sources the way scripts/server-bundle.mjs bundles tsc's output:
// esbuild first writes each source as JavaScript (the operations are found by a glob of `.js`
// files, which must exist), then bundles the entry point. Built afresh in every run (about a second).
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { BUNDLE_OPTIONS } from "../../scripts/server-bundle.mjs";
import { REPO_ROOT } from "../../src/paths.js";

/** The bundled command (`node <file> --port 0 …`); at dist/test-bundle, beside the build's own dist/bundle and never packed. */
export const TEST_SERVER = join(REPO_ROOT, "dist", "test-bundle", "ecs-local.cjs");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "web" && dir.endsWith("console") ? [] : sources(p);
    return p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

export async function bundleTestServer(): Promise<string> {
  // Two levels below the root, as dist/src is: code that walks up to package.json finds the same root.
  const js = join(REPO_ROOT, "dist", "test-src");
  rmSync(js, { recursive: true, force: true });
  await build({ entryPoints: sources(join(REPO_ROOT, "src")), outdir: js, outbase: join(REPO_ROOT, "src"), format: "esm", platform: "node", target: ["node20"], logLevel: "warning" });
  await build({ ...BUNDLE_OPTIONS, define: { ...BUNDLE_OPTIONS.define, __ECS_LOCAL_SOURCES__: "true" }, entryPoints: [join(js, "main.js")], outfile: TEST_SERVER });
  return TEST_SERVER;
}
