import type { Handler, TargetRecord } from "../context.js";
import { LimitExceededException, ValidationException } from "../generated/errors.js";
import type { RegisterScalableTargetRequest } from "../generated/types.js";
import { keepWithinBounds } from "../domain/capacity.js";
import { isActive, loadEcs, readService } from "../domain/ecsPort.js";
import { messages } from "../domain/messages.js";
import { checkTarget, ecsResource, ecsServiceLinkedRole, scalableTargetArn, targetKey } from "../domain/resources.js";
import { checkTagCount } from "../domain/tags.js";
import { findTarget } from "../domain/targets.js";

const MAX_ECS_TARGETS = 3000;

export const registerScalableTarget: Handler<"RegisterScalableTarget"> = (input, ctx) => {
  checkTarget(input);
  if (input.ServiceNamespace !== "ecs") throw new ValidationException(messages.otherNamespace(input.ServiceNamespace));
  const loading = loadEcs(ctx.backend);
  return loading ? loading.then(() => register(input, ctx)) : register(input, ctx);
};

function register(input: RegisterScalableTargetRequest, ctx: Parameters<Handler<"RegisterScalableTarget">>[1]): { ScalableTargetARN: string } {
  const { state, backend } = ctx;
  const existing = findTarget(state, input);
  const min = input.MinCapacity ?? existing?.target.MinCapacity;
  const max = input.MaxCapacity ?? existing?.target.MaxCapacity;
  if (min === undefined) throw new ValidationException(messages.minRequired);
  if (max === undefined) throw new ValidationException(messages.maxRequired);
  if (min < 0) throw new ValidationException(messages.minNegative);
  if (min > max) throw new ValidationException(messages.minAboveMax(min, max));
  if (existing && input.Tags !== undefined) throw new ValidationException(messages.tagsOnExisting);
  if (input.Tags) checkTagCount(input.Tags, ValidationException);
  if (!isActive(readService(backend, ctx.request, ecsResource(input.ResourceId)!))) throw new ValidationException(messages.serviceMissing(input.ResourceId));
  if (!existing && [...state.targets.values()].filter((t) => t.target.ServiceNamespace === "ecs").length >= MAX_ECS_TARGETS) throw new LimitExceededException(messages.tooManyTargets);

  const rec = existing ?? create(input, ctx);
  rec.target.MinCapacity = min;
  rec.target.MaxCapacity = max;
  if (input.SuspendedState) rec.target.SuspendedState = { ...rec.target.SuspendedState, ...input.SuspendedState };
  // As AWS does on every registration: a desired count outside the bounds is brought within them now.
  keepWithinBounds({ backend, state, request: ctx.request, now: ctx.now() }, rec);
  return { ScalableTargetARN: rec.target.ScalableTargetARN! };
}

function create(input: RegisterScalableTargetRequest, ctx: Parameters<Handler<"RegisterScalableTarget">>[1]): TargetRecord {
  const { state, backend } = ctx;
  const id = backend.ids.uuid();
  const rec: TargetRecord = {
    id,
    target: {
      ServiceNamespace: input.ServiceNamespace,
      ResourceId: input.ResourceId,
      ScalableDimension: input.ScalableDimension,
      MinCapacity: 0,
      MaxCapacity: 0,
      // ECS services scale with the service-linked role, whatever RoleARN names.
      RoleARN: ecsServiceLinkedRole(state.accountId),
      CreationTime: ctx.now(),
      SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
      ScalableTargetARN: scalableTargetArn(state, id),
    },
    tags: { ...input.Tags },
    policies: new Map(),
    actions: new Map(),
  };
  state.targets.set(targetKey(input), rec);
  return rec;
}
