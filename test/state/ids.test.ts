// A seeded id source makes the same ids as before its ids were written from bytes: journals replay
// into the same state only if they do. The expected values come from the earlier implementation
// (strings joined from two-digit pieces), run on the same seed.
import { describe, expect, it } from "vitest";
import { IdSource } from "../../src/state/ids.js";

describe("IdSource", () => {
  it("draws the same ids from a seed, in the same order", () => {
    const ids = new IdSource("golden");
    expect([ids.hexId(), ids.uuid(), ids.hexId(), ids.uuid(), ids.deploymentId(), ids.uuid()]).toEqual([
      "f9f90fc49ce6e0643a09b4bc827765a6",
      "46fc7315-af78-4712-8a68-967978732723",
      "4719feaff2bb49ca1425dfc0cd2ac212",
      "c7da2d7c-df16-4c1f-89c0-a561489807c8",
      "ecs-svc/3322760461870814220",
      "0e457d0e-43eb-42b7-9c90-dbdac22666ed",
    ]);
  });

  it("writes version 4 UUIDs of the RFC 4122 variant and ids of 32 lowercase hex digits", () => {
    const ids = new IdSource("shape");
    for (let i = 0; i < 200; i++) {
      expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ids.hexId()).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
