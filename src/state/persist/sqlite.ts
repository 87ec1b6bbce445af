// The little of SQLite the journal uses, from better-sqlite3 (a native module, built for the Node
// that installed it) or, where that cannot load (another Node's ABI, an install without its build
// step), from Node's own node:sqlite (Node 22.5 and later). Loaded only when a state directory is used.
import { createRequire } from "node:module";

export interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface Sqlite {
  /** Which binding opened the file: "better-sqlite3" or "node:sqlite". */
  readonly binding: string;
  exec(sql: string): void;
  prepare(sql: string): Statement;
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction(fn: () => void): void;
  close(): void;
}

const require = createRequire(import.meta.url);

type Open = (file: string) => { exec(sql: string): unknown; prepare(sql: string): Statement; close(): void };

function binding(): { name: string; open: Open } {
  const problems: string[] = [];
  try {
    const Database = require("better-sqlite3") as new (file: string) => ReturnType<Open>;
    // The native part loads with the first database: probe it, so that a wrong ABI shows here.
    new Database(":memory:").close();
    return { name: "better-sqlite3", open: (file) => new Database(file) };
  } catch (e) {
    problems.push(`better-sqlite3: ${(e as Error).message.split("\n")[0]}`);
  }
  try {
    const { DatabaseSync } = require("node:sqlite") as { DatabaseSync: new (file: string) => ReturnType<Open> };
    return { name: "node:sqlite", open: (file) => new DatabaseSync(file) };
  } catch (e) {
    problems.push(`node:sqlite: ${(e as Error).message.split("\n")[0]}`);
  }
  throw new Error(`no SQLite binding loads on Node ${process.version} (${problems.join("; ")}); run \`npm rebuild better-sqlite3\`, or use Node 22.5 or later`);
}

/**
 * What another thread loads to open the same file with the same binding: better-sqlite3's module path
 * (resolved here, where the package's own require finds it), or undefined for node:sqlite.
 */
export function bindingModule(name: string): string | undefined {
  return name === "better-sqlite3" ? require.resolve("better-sqlite3") : undefined;
}

export function openSqlite(file: string): Sqlite {
  const chosen = binding();
  const db = chosen.open(file);
  // Prepared once: exec parses its text at every call, and the journal begins and commits once a turn.
  let begin: Statement | undefined;
  let commit: Statement | undefined;
  return {
    binding: chosen.name,
    exec: (sql) => void db.exec(sql),
    prepare: (sql) => db.prepare(sql),
    transaction(fn) {
      (begin ??= db.prepare("BEGIN IMMEDIATE")).run();
      try {
        fn();
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      }
      (commit ??= db.prepare("COMMIT")).run();
    },
    close: () => db.close(),
  };
}
