// No client mistake may produce a 500 or a stack trace on the query protocols either: every
// implemented operation of every query service gets forms built from its input schema (empty,
// minimal, full, one member made wrong) and malformed forms, and every answer must be a success
// that reads back by the model, or an error in the protocol's envelope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMAS_DIR } from "../../src/paths.js";
import { encodeForm } from "../../src/protocol/form.js";
import { schemaFor, validatorFor } from "../../src/protocol/validate.js";
import { readAnswer, readError } from "../../src/protocol/xmlRead.js";
import { InputFactory, prng, seedOf } from "../helpers/fuzz.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryServiceName } from "../helpers/query.js";

const NESTED_PER_OPERATION = 15;
const STACK = /\n\s+at |\bat (?:async )?[\w.$<>]+ \((?:file:|node:|\/)|TypeError|ReferenceError|Cannot read propert/;

/** Forms no SDK sends: wrong nesting, indices out of shape, names that could reach a prototype. */
const MALFORMED: [string, string][][] = [
  [["__proto__.polluted", "1"]],
  [["constructor.prototype.polluted", "1"]],
  [["Names.member.0", "x"], ["Names.member.-1", "y"], ["Names.member.01", "z"]],
  [["Tags.member.1.member.1.Key", "k"]],
  [["a..b", "1"], [".", ""], ["", "x"]],
  [["Filter.1.Value.99999999999", "x"], ["InstanceId.1.Foo", "x"]],
  [["x".repeat(5000), "y"]],
];

let t: TestLocal;
beforeAll(async () => (t = await startLocal()));
afterAll(() => t.close());

const services = ["sts", "elbv2", "ec2"] as const;

describe.each(services)("%s answers every malformed input with an error in its envelope", (name: QueryServiceName) => {
  it("for each implemented operation", async () => {
    const service = t.local.registry.query.find((s) => s.name === name)!;
    const caller = queryCaller(t, name);
    await service.load?.();
    const failures: string[] = [];
    for (const op of service.operations.filter((o) => service.implemented(o))) {
      const f = new InputFactory(`${SCHEMAS_DIR}/${name}`, op, {}, [], prng(seedOf(name + op)));
      const inputSchema = schemaFor(name, op, "input");
      const full = f.full();
      const forms: [string, [string, string][]][] = [
        ["{}", []],
        ["minimal", encodeForm(f.minimal(), inputSchema)],
        ["full", encodeForm(full, inputSchema)],
        ...f.topLevel(f.minimal()).map((v): [string, [string, string][]] => [v.label, encodeForm(v.input as Record<string, unknown>, inputSchema)]),
        ...f.nested(full, NESTED_PER_OPERATION).map((v): [string, [string, string][]] => [v.label, encodeForm(v.input as Record<string, unknown>, inputSchema)]),
        ...MALFORMED.map((m, i): [string, [string, string][]] => [`malformed ${i}`, m]),
      ];
      for (const [label, form] of forms) {
        const res = await caller.raw([["Action", op], ["Version", service.apiVersion], ...form]);
        const where = `${op} ${label}`;
        if (STACK.test(res.text)) failures.push(`${where}: stack trace in the body`);
        else if (res.status >= 500 || (res.status !== 200 && res.status < 400)) failures.push(`${where}: status ${res.status} ${res.text.slice(0, 300)}`);
        else if (res.status === 200) {
          const out = await readAnswer(res.text, schemaFor(name, op, "output"), service.protocol);
          const validate = validatorFor(name, op, "output");
          if (!validate(out.output)) failures.push(`${where}: output breaks the model ${JSON.stringify(validate.errors)}`);
        } else {
          const err = await readError(res.text);
          if (err.root !== (service.protocol === "ec2" ? "Response" : "ErrorResponse") || !err.code || !err.message) failures.push(`${where}: not the protocol's envelope: ${res.text.slice(0, 300)}`);
          const sent = form.map(([k, v]) => `${k}=${v}`).join("&");
          if (/undefined|\[object Object\]|NaN/.test(err.message) && !/undefined|\[object Object\]|NaN/.test(sent)) failures.push(`${where}: message leaks an internal value: ${err.message}`);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures).toEqual([]);
    // Some thousand requests for EC2's operations (RSA keys among the answers): minutes when the machine is shared.
  }, 240_000);
});
