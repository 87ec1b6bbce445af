import type { Handler } from "../context.js";
import { page } from "../domain/paging.js";

/** By name (unknown names are left out, as AWS does), else all, in creation order. */
export const describeLaunchConfigurations: Handler<"DescribeLaunchConfigurations"> = (input, ctx) => {
  const all = [...ctx.state.launchConfigurations.values()];
  const names = input.LaunchConfigurationNames;
  const chosen = names?.length ? all.filter((lc) => names.includes(lc.LaunchConfigurationName)) : all;
  const p = page(chosen, input.NextToken, input.MaxRecords);
  return { LaunchConfigurations: structuredClone(p.items), ...(p.next ? { NextToken: p.next } : {}) };
};
