// `npm run handlers -- <service>…`: rewrites src/services/<service>/operations/index.ts, the dispatch
// table, from the generated operations and the operation files present: an operation whose file
// (operations/<operation in camelCase>.ts, exporting a handler of that name) exists gets its
// handler, every other one null ("not supported"). Run it after adding an operation's file.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "./gen.js";

const lowerFirst = (op: string): string => op[0].toLowerCase() + op.slice(1);

export function handlerTable(service: string): string {
  const dir = join(REPO_ROOT, "src/services", service);
  const generated = readFileSync(join(dir, "generated/operations.ts"), "utf8");
  const list = /export const OPERATIONS = (\[[\s\S]*?\]) as const;/.exec(generated);
  if (!list) throw new Error(`${service}: no OPERATIONS in generated/operations.ts`);
  const ops = JSON.parse(list[1]) as string[];
  const present = ops.filter((op) => existsSync(join(dir, "operations", `${lowerFirst(op)}.ts`)));
  const imports = present.map((op) => `import { ${lowerFirst(op)} } from "./${lowerFirst(op)}.js";`);
  const rows = ops.map((op) => `  ${op}: ${present.includes(op) ? lowerFirst(op) : "null"},`);
  return [
    `// The dispatch table (written by \`npm run handlers -- ${service}\` from the operation files present):`,
    `// every generated operation, each with its handler or null while ecs-local lacks it.`,
    `import type { Handlers } from "../context.js";`,
    ...imports,
    ``,
    `export const handlers: Handlers = {`,
    ...rows,
    `};`,
    ``,
  ].join("\n");
}

function main(): void {
  for (const service of process.argv.slice(2)) {
    writeFileSync(join(REPO_ROOT, "src/services", service, "operations/index.ts"), handlerTable(service));
    console.log(`wrote src/services/${service}/operations/index.ts`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
