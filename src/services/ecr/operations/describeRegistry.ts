import type { Handler } from "../context.js";

/** The account's private registry; replication is never configured here (PutReplicationConfiguration is not served). */
export const describeRegistry: Handler<"DescribeRegistry"> = (_input, ctx) => ({ registryId: ctx.state.accountId, replicationConfiguration: { rules: [] } });
