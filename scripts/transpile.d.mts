// Types of transpile.mjs for the TypeScript that imports it (the tests' bundle of the sources).
export declare function transpileSources(build: (options: object) => Promise<unknown>, root: string, outDir?: string): Promise<string>;
