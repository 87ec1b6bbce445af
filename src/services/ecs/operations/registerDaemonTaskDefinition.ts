import type { Handler } from "../context.js";
import { checkTags, putTags } from "../domain/tags.js";
import { buildDaemonTd, validateDaemonTd } from "../daemons/taskDefinitions.js";

export const registerDaemonTaskDefinition: Handler<"RegisterDaemonTaskDefinition"> = (input, ctx) => {
  const { state } = ctx;
  // Everything is checked before the revision is taken, so a refused request consumes none.
  const size = validateDaemonTd(input);
  checkTags(input.tags);
  const revisions = state.daemonTaskDefinitions.get(input.family) ?? [];
  const dtd = buildDaemonTd(state, input, size, revisions.length + 1, ctx.now());
  revisions.push(dtd);
  state.daemonTaskDefinitions.set(input.family, revisions);
  state.tags.delete(dtd.daemonTaskDefinitionArn!);
  putTags(state, dtd.daemonTaskDefinitionArn!, input.tags);
  return { daemonTaskDefinitionArn: dtd.daemonTaskDefinitionArn };
};
