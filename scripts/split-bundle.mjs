// The command as one first file plus files loaded on first use (scripts/server-bundle.mjs; README,
// "Start-up"). V8 pre-parses every byte of the file Node starts, so a single bundle of every
// service cost its whole size in compile time before the first answer. esbuild splits only ES
// modules, so this is done in three steps, all with esbuild:
//   1. the sources are bundled as ES modules with code splitting: a chunk per operation (each is a
//      dynamic import, src/services/lazy.ts) and per lazily loaded part, and chunks of the modules
//      they share;
//   2. the chunks the start needs (`eager`: what main.js reaches, and what it reaches through the
//      entry points named) are bundled again into one CommonJS file, where esbuild scope-hoists
//      them as in the single bundle; the other chunks stay out of it (external);
//   3. every other chunk becomes a CommonJS file of its own under lazy/, run by a small loader in
//      the first file once the chunks it imports are loaded: the first file's modules through its
//      own dynamic imports, so that a module shared by two files exists once (one store, one
//      timeline, one id source).
// Each import between files is rewritten to the loader; a form not recognised fails the build.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

const LAZY_DIR = "lazy";
/** `import("./x.js")` of a file esbuild left external: CommonJS for Node 20 keeps it as it is. */
const DYNAMIC = /\bimport\("\.\/([^"]+\.js)"\)/g;
const STATIC = /\brequire\("\.\/([^"]+\.js)"\)/g;

/**
 * @param {(options: object) => Promise<any>} build esbuild's build
 * @param {{ entry: string, eager: string[], outfile: string, options: object, head: string }} o
 *   entry: main.js; eager: further entry points (files of the sources) whose chunks go in the first
 *   file; options: esbuild options shared by every step (target, define, …); head: the file's first lines.
 */
export async function splitCommand(build, { entry, eager, outfile, options, head }) {
  const out = dirname(outfile);
  const work = join(out, ".split");
  rmSync(work, { recursive: true, force: true });
  rmSync(join(out, LAZY_DIR), { recursive: true, force: true });
  const { banner: _b, outfile: _o, format: _f, plugins = [], ...common } = options;
  const split = await build({ ...common, plugins, bundle: true, format: "esm", splitting: true, entryPoints: [entry], outdir: work, entryNames: "[name]-[hash]", chunkNames: "[name]-[hash]", metafile: true, write: true });
  try {
    const outputs = Object.fromEntries(Object.entries(split.metafile.outputs).map(([p, o]) => [basename(p), { ...o, file: resolve(p) }]));
    const starts = [resolve(entry), ...eager.map((e) => resolve(dirname(entry), e))];
    const firstFile = new Set();
    const reach = (name) => {
      if (firstFile.has(name)) return;
      firstFile.add(name);
      for (const i of outputs[name].imports) if (i.kind === "import-statement" && outputs[basename(i.path)]) reach(basename(i.path));
    };
    for (const [name, o] of Object.entries(outputs)) if (o.entryPoint && starts.includes(resolve(o.entryPoint))) reach(name);
    const main = Object.keys(outputs).find((n) => outputs[n].entryPoint && resolve(outputs[n].entryPoint) === resolve(entry));
    const lazy = Object.keys(outputs).filter((n) => !firstFile.has(n) && n.endsWith(".js"));
    // What the lazy files import from the first file: reached there through its own dynamic imports.
    const shared = new Set(lazy.flatMap((n) => outputs[n].imports.map((i) => basename(i.path)).filter((d) => firstFile.has(d))));
    const entrySource = [
      `import "./${main}";`,
      `export const chunks = {`,
      ...[...shared].sort().map((n) => `  ${JSON.stringify(n)}: () => import(${JSON.stringify("./" + n)}),`),
      `};`,
    ].join("\n");
    const entryFile = join(work, "__first.js");
    writeFileSync(entryFile, entrySource);
    const isLazy = new Set(lazy);
    const external = { name: "lazy-chunks", setup: (b) => b.onResolve({ filter: /^\.\// }, (a) => (isLazy.has(basename(a.path)) ? { path: a.path, external: true } : undefined)) };
    // The other chunks, each as CommonJS (one esbuild run for all, beside the first file's), then wrapped for the loader.
    const { packages: _p, ...one } = common;
    const [first, cjs] = await Promise.all([
      build({ ...common, bundle: true, format: "cjs", entryPoints: [entryFile], write: false, plugins: [external], banner: { js: head + LOADER } }),
      build({ ...one, bundle: false, format: "cjs", entryPoints: lazy.map((n) => outputs[n].file), outdir: join(work, "cjs"), write: false }),
    ]);
    writeFileSync(outfile, link(first.outputFiles[0].text, isLazy, basename(outfile)));
    const text = new Map(cjs.outputFiles.map((f) => [basename(f.path), f.text]));
    mkdirSync(join(out, LAZY_DIR), { recursive: true });
    for (const name of lazy) {
      const deps = outputs[name].imports.filter((i) => i.kind === "import-statement" && outputs[basename(i.path)]).map((i) => basename(i.path));
      const body = link(text.get(name), null, name).replace(STATIC, (_, d) => {
        if (!deps.includes(d)) throw new Error(`split-bundle: ${name} requires ${d}, which it does not import`);
        return `__ecsDep(${JSON.stringify(d)})`;
      });
      if (/\brequire\("\.\.?\//.test(body)) throw new Error(`split-bundle: ${name} keeps a relative require`);
      writeFileSync(join(out, LAZY_DIR, `${name.slice(0, -3)}.cjs`), `"use strict";\nexports.deps = ${JSON.stringify(deps)};\nexports.run = function (module, exports, __ecsDep, __ecsLoad, __bundleUrl) {\n${body}};\n`);
    }
    return { first: firstFile.size, lazy: lazy.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Dynamic imports of lazy chunks become the loader's; in the first file, no other relative require may be left. */
function link(text, isLazy, name) {
  const linked = text.replace(DYNAMIC, (_, d) => {
    if (isLazy && !isLazy.has(d)) throw new Error(`split-bundle: ${name} imports ${d}, which is not a lazy chunk`);
    return `__ecsLoad(${JSON.stringify(d)})`;
  });
  const left = /\bimport\("\.\.?\/[^)]*\)/.exec(linked) ?? (isLazy && /\brequire\("\.\.?\/[^)]*\)/.exec(linked));
  if (left) throw new Error(`split-bundle: ${name} keeps a relative require: ${left[0]}`);
  return linked;
}

// The loader, at the top of the first file. A lazy file runs once, after the files it imports;
// a load that failed (a file missing from a broken install) is tried again by the next call.
const LOADER = `
const __ecsLoaded = new Map();
function __ecsLoad(name) {
  const own = module.exports.chunks;
  if (own && Object.hasOwn(own, name)) return own[name]();
  let p = __ecsLoaded.get(name);
  if (p) return p;
  p = Promise.resolve().then(() => {
    const f = require(\`./${LAZY_DIR}/\${name.slice(0, -3)}.cjs\`);
    return Promise.all(f.deps.map(__ecsLoad)).then((loaded) => {
      const deps = new Map(f.deps.map((d, i) => [d, loaded[i]]));
      const m = { exports: {} };
      f.run(m, m.exports, (d) => deps.get(d), __ecsLoad, __bundleUrl);
      return m.exports;
    });
  });
  p.catch(() => __ecsLoaded.delete(name));
  __ecsLoaded.set(name, p);
  return p;
}
`;
