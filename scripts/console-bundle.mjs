// How the console (src/console/web) becomes static files in dist/console: one script, one
// stylesheet, the page. Plain JavaScript, with esbuild's `build` passed in, so that the dev build
// (scripts/build-console.ts) and the image's build stage (scripts/image-compile.mjs, which fetches
// esbuild at the locked version) bundle it the same way.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** @param {(options: object) => Promise<unknown>} build esbuild's build; @param {string} root the repository; @param {string} outDir */
export async function bundleConsole(build, root, outDir = join(root, "dist", "console")) {
  const web = join(root, "src", "console", "web");
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(web, "main.ts")],
    outfile: join(outDir, "app.js"),
    bundle: true,
    format: "esm",
    target: ["es2022"],
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(join(web, "index.html"), join(outDir, "index.html"));
  copyFileSync(join(web, "style.css"), join(outDir, "style.css"));
}
