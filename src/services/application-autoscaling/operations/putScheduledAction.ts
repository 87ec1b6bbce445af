import type { ActionRecord, Handler } from "../context.js";
import { LimitExceededException, ValidationException } from "../generated/errors.js";
import type { ScheduledAction } from "../generated/types.js";
import { messages } from "../domain/messages.js";
import { scheduledActionArn } from "../domain/resources.js";
import { parseSchedule } from "../domain/schedule.js";
import { arm, firstRun } from "../domain/scheduler.js";
import { registeredTarget } from "../domain/targets.js";
import { isZone } from "../domain/zones.js";

const MAX_ACTIONS = 200;

/** An update changes what it gives; StartTime and EndTime it does not give are cleared (the model's words). */
export const putScheduledAction: Handler<"PutScheduledAction"> = (input, ctx) => {
  const { state, backend } = ctx;
  const rec = registeredTarget(state, input);
  const old = rec.actions.get(input.ScheduledActionName)?.action;
  const schedule = input.Schedule ?? old?.Schedule;
  if (!schedule) throw new ValidationException(messages.scheduleRequired);
  const zone = input.Timezone ?? old?.Timezone;
  if (zone !== undefined && !isZone(zone)) throw new ValidationException(messages.badTimezone(zone));
  if (!parseSchedule(schedule, zone ?? "UTC")) throw new ValidationException(messages.badSchedule(schedule));
  const target = input.ScalableTargetAction ?? old?.ScalableTargetAction;
  const { MinCapacity: min, MaxCapacity: max } = target ?? {};
  if (min === undefined && max === undefined) throw new ValidationException(messages.actionCapacityRequired);
  if ((min ?? 0) < 0 || (max ?? 0) < 0) throw new ValidationException(messages.minNegative);
  if (min !== undefined && max !== undefined && min > max) throw new ValidationException(messages.minAboveMax(min, max));
  if (input.StartTime !== undefined && input.EndTime !== undefined && input.StartTime >= input.EndTime) throw new ValidationException(messages.startAfterEnd);
  if (!old && rec.actions.size >= MAX_ACTIONS) throw new LimitExceededException(messages.tooManyActions);

  const action: ScheduledAction = {
    ScheduledActionName: input.ScheduledActionName,
    ScheduledActionARN: old?.ScheduledActionARN ?? scheduledActionArn(state, rec.id, input, input.ScheduledActionName),
    ServiceNamespace: input.ServiceNamespace,
    Schedule: schedule,
    ...(zone !== undefined ? { Timezone: zone } : {}),
    ResourceId: input.ResourceId,
    ScalableDimension: input.ScalableDimension,
    ...(input.StartTime !== undefined ? { StartTime: input.StartTime } : {}),
    ...(input.EndTime !== undefined ? { EndTime: input.EndTime } : {}),
    ScalableTargetAction: { ...(min !== undefined ? { MinCapacity: min } : {}), ...(max !== undefined ? { MaxCapacity: max } : {}) },
    CreationTime: old?.CreationTime ?? ctx.now(),
  };
  const now = backend.timeline.now();
  const a: ActionRecord = { action, anchor: now };
  a.next = firstRun(a, now);
  const previous = rec.actions.get(input.ScheduledActionName);
  if (previous) backend.timeline.cancel(backend.actionTimers.get(previous));
  rec.actions.set(input.ScheduledActionName, a);
  arm(backend, state, rec, a);
  return {};
};
