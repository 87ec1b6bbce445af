// Policy documents without a server: IAM's checks by kind of policy, its URL-encoding, its way of
// measuring size, and the layout of AWS's own documents.
import { describe, expect, it } from "vitest";
import { awsLayout, documentSize, encodeDocument } from "../../src/services/iam/domain/documents.js";
import { checkPolicyDocument } from "../../src/services/iam/domain/policyDocument.js";
import { page } from "../../src/services/iam/domain/paging.js";

const message = (doc: unknown, kind: "trust" | "managed" | "inline"): string | undefined => {
  try {
    checkPolicyDocument(typeof doc === "string" ? doc : JSON.stringify(doc), kind);
    return undefined;
  } catch (e) {
    expect((e as { code: string }).code).toBe("MalformedPolicyDocument");
    return (e as Error).message;
  }
};

describe("checkPolicyDocument", () => {
  const stmt = { Effect: "Allow", Action: "s3:GetObject", Resource: "*" };

  it("takes the 2008 version and none in trust and inline policies, only 2012-10-17 in managed ones", () => {
    const trust = { Version: "2008-10-17", Statement: [{ Sid: "", Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    expect(message(trust, "trust")).toBeUndefined();
    expect(message({ Statement: stmt }, "inline")).toBeUndefined();
    expect(message({ Version: "2008-10-17", Statement: stmt }, "managed")).toBe("Policy document must be version 2012-10-17 or greater.");
  });

  it("refuses broken grammar as syntax errors", () => {
    for (const doc of [[], { Version: "2012-10-17", Statement: [] }, { Version: "2012-10-17", Statement: ["afd"] }, { Version: "2012-10-17", Statement: stmt, Extra: 1 }, { Version: "2012-10-17", Statement: { ...stmt, Action: "a", NotAction: "b" } }, { Version: "2012-10-17", Id: {}, Statement: stmt }, { Version: "2012-10-17", Statement: { ...stmt, Condition: { StringEquals: "x" } } }]) {
      expect(message(doc, "inline")).toBe("Syntax errors in policy.");
    }
  });

  it("checks action vendors and resource formats", () => {
    expect(message({ Version: "2012-10-17", Statement: { ...stmt, Action: "s3:a:b" } }, "inline")).toBe("Actions/Condition can contain only one colon.");
    expect(message({ Version: "2012-10-17", Statement: { ...stmt, Action: "a a:b" } }, "inline")).toBe("Vendor a a is not valid");
    expect(message({ Version: "2012-10-17", Statement: { ...stmt, Action: ["*", "s3:*"], NotResource: ["arn:aws:s3:::b"], Resource: undefined } }, "managed")).toBeUndefined();
  });
});

describe("documents on the wire", () => {
  it("are URL-encoded per RFC 3986 and measured without white space", () => {
    expect(encodeDocument(`{"a": "b*(c)!'~"}`)).toBe("%7B%22a%22%3A%20%22b%2A%28c%29%21%27~%22%7D");
    expect(documentSize('{\n  "a" : "b c"\n}')).toBe(10);
  });

  it("AWS's own documents come in AWS's layout", () => {
    expect(awsLayout({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["a:b", "c:d"], Resource: "*", Condition: {} }] })).toBe(
      '{\n  "Version" : "2012-10-17",\n  "Statement" : [\n    {\n      "Effect" : "Allow",\n      "Action" : [\n        "a:b",\n        "c:d"\n      ],\n      "Resource" : "*",\n      "Condition" : { }\n    }\n  ]\n}',
    );
  });
});

describe("page", () => {
  it("answers IsTruncated always and a Marker that skips what was deleted", () => {
    const items = [{ k: 1 }, { k: 3 }, { k: 5 }, { k: 9 }];
    const first = page(items, undefined, 2, (i) => i.k);
    expect(first).toEqual({ items: [{ k: 1 }, { k: 3 }], IsTruncated: true, Marker: Buffer.from("5").toString("base64") });
    expect(page([{ k: 1 }, { k: 3 }, { k: 9 }], first.Marker, 2, (i) => i.k)).toEqual({ items: [{ k: 9 }], IsTruncated: false });
    expect(page(items, undefined, undefined)).toEqual({ items, IsTruncated: false });
  });
});
