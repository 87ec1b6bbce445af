// DescribeInstances naming instances (by id, by an exact instance-id or reservation-id filter) looks
// only at those: the same number of records visited with 10 instances launched as with 10,000, and
// the answer in launch order as a walk of every instance gives it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ec2State, InstanceRecord } from "../../src/services/ec2/context.js";
import { startLocal, type TestLocal } from "../helpers/local.js";
import { queryCaller, type QueryCaller } from "../helpers/query.js";

/** state.instances, counting every record anyone reads from it (lookups and walks). */
class CountingMap extends Map<string, InstanceRecord> {
  visits = 0;
  override get(id: string): InstanceRecord | undefined {
    const r = super.get(id);
    if (r) this.visits++;
    return r;
  }
  override *values(): MapIterator<InstanceRecord> {
    for (const v of super.values()) {
      this.visits++;
      yield v;
    }
  }
  override *entries(): MapIterator<[string, InstanceRecord]> {
    for (const e of super.entries()) {
      this.visits++;
      yield e;
    }
  }
  override [Symbol.iterator](): MapIterator<[string, InstanceRecord]> {
    return this.entries();
  }
  override forEach(fn: (v: InstanceRecord, k: string, m: Map<string, InstanceRecord>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

let t: TestLocal;
let ec2: QueryCaller;
beforeAll(async () => {
  t = await startLocal();
  ec2 = queryCaller(t, "ec2");
});
afterAll(() => t.close());

const state = (): Ec2State => t.local.registry.backends.ec2.states.get("000000000000", "us-east-1");

async function launch(count: number, zone: string): Promise<{ ids: string[]; reservation: string }> {
  const out = await ec2.call("RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: count, MaxCount: count, Placement: { AvailabilityZone: zone } });
  return { ids: out.Instances.map((i: { InstanceId: string }) => i.InstanceId), reservation: out.ReservationId };
}

/** What each way of naming instances answers, and how many records it read to answer. */
async function measure(ids: string[], reservation: string): Promise<{ visits: number[]; answers: string[][] }> {
  const counting = new CountingMap(state().instances);
  state().instances = counting;
  // The launch-order index is built on first use (then kept up by each launch): not counted.
  await ec2.call("DescribeInstances", { InstanceIds: [ids[0]] });
  const requests = [
    { InstanceIds: [ids[3], ids[1], ids[2]] },
    { Filters: [{ Name: "instance-id", Values: [ids[2], ids[0], ids[2]] }] },
    { Filters: [{ Name: "reservation-id", Values: [reservation] }, { Name: "instance-state-name", Values: ["pending", "running"] }] },
  ];
  const visits: number[] = [];
  const answers: string[][] = [];
  for (const input of requests) {
    counting.visits = 0;
    const out = await ec2.call("DescribeInstances", input);
    visits.push(counting.visits);
    answers.push(out.Reservations.flatMap((r: { Instances: { InstanceId: string }[] }) => r.Instances.map((i) => i.InstanceId)));
  }
  return { visits, answers };
}

describe("DescribeInstances by name", () => {
  it("visits as many records at 10,000 instances as at 10, and answers in launch order", { timeout: 120_000 }, async () => {
    const first = await launch(10, "us-east-1a");
    const small = await measure(first.ids, first.reservation);
    expect(small.answers).toEqual([[first.ids[1], first.ids[2], first.ids[3]], [first.ids[0], first.ids[2]], first.ids]);
    // The rest in process: 9,990 instances through the wire would spend the test's time writing XML.
    const client = t.local.registry.backends.ec2.peers.client;
    const ctx = { accountId: "000000000000", region: "us-east-1", requestId: "bulk" };
    for (const [zone, n] of [["us-east-1a", 4000], ["us-east-1b", 4000], ["us-east-1c", 1990]] as const) {
      for (let done = 0; done < n; done += 1000) {
        const count = Math.min(1000, n - done);
        client.call("ec2", "RunInstances", { ImageId: "ami-0123456789abcdef0", InstanceType: "t3.micro", MinCount: count, MaxCount: count, Placement: { AvailabilityZone: zone } }, ctx);
      }
    }
    expect(state().instances.size).toBe(10_000);
    const large = await measure(first.ids, first.reservation);
    expect(large.answers).toEqual(small.answers);
    expect(large.visits).toEqual(small.visits);
    expect(Math.max(...large.visits)).toBeLessThanOrEqual(20);
    // A filter that names no instance exactly still looks at every one.
    const counting = state().instances as CountingMap;
    counting.visits = 0;
    const wild = await ec2.call("DescribeInstances", { Filters: [{ Name: "instance-id", Values: [`${first.ids[0].slice(0, -1)}*`] }] });
    expect(counting.visits).toBe(10_000);
    expect(wild.Reservations.flatMap((r: { Instances: unknown[] }) => r.Instances)).not.toHaveLength(0);
  });
});
