// The command's own V8 setting: a quarter of the interrupt budget on V8 11 (Node 20) only, and never
// over a budget the user gave node.
import { describe, expect, it } from "vitest";
import { tieringFlags } from "../src/jitTiering.js";

describe("the command's V8 tiering flag", () => {
  it("lowers the interrupt budget on V8 11 (Node 20)", () => {
    expect(tieringFlags("11.3.244.8-node.33", [])).toEqual(["--interrupt-budget=16896"]);
  });

  it("leaves V8 12 and 13 (Node 22 and 24), which have no such flag, as they are", () => {
    expect(tieringFlags("12.4.254.21-node.33", [])).toEqual([]);
    expect(tieringFlags("13.6.233.10-node.24", [])).toEqual([]);
  });

  it("keeps a budget given on node's command line", () => {
    expect(tieringFlags("11.3.244.8-node.33", ["--interrupt-budget=1000"])).toEqual([]);
  });
});
