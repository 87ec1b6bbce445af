// `npm run gen [-- --models DIR]`: writes schemas/<service>/ and src/services/<service>/generated/.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultModelsDir, generatedOperations, loadModel, protocolOf, SERVICES, type ServiceName, type ServiceSource } from "./model.js";
import { operationSchema } from "./schema.js";
import { errorsFile, operationsFile, shapesOf, typesFile } from "./typescript.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every generated file, keyed by its path relative to the repository root. */
export function generate(modelsDir: string, services: ServiceName[] = Object.keys(SERVICES) as ServiceName[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const service of services) {
    const model = loadModel(modelsDir, service);
    const ops = generatedOperations(model, service);
    const protocol = protocolOf(model);
    for (const op of ops) {
      for (const dir of ["input", "output"] as const) {
        const root = (SERVICES[service] as ServiceSource).outputRoots?.[op];
        files.set(`schemas/${service}/${op}.${dir}.json`, JSON.stringify(operationSchema(model, op, dir, protocol, root), null, 1) + "\n");
      }
    }
    const gen = `src/services/${service}/generated`;
    files.set(`${gen}/types.ts`, typesFile(model, shapesOf(model, ops)));
    files.set(`${gen}/operations.ts`, operationsFile(model, ops));
    files.set(`${gen}/errors.ts`, errorsFile(model));
  }
  return files;
}

function main(): void {
  const i = process.argv.indexOf("--models");
  const modelsDir = i > 0 ? resolve(process.argv[i + 1]) : defaultModelsDir(REPO_ROOT);
  const files = generate(modelsDir);
  for (const [rel, text] of files) {
    const p = join(REPO_ROOT, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  console.log(`wrote ${files.size} files from ${modelsDir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
