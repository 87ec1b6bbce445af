// Types of code-cache.mjs for the TypeScript that imports it (the tests' bundle of the sources).
export declare function makeCodeCache(bundleDir: string, sourcesDir: string): Promise<string | undefined>;
