// Labels of parameter versions: at most 10 per version, one version per label (attaching it moves it),
// and the labels SSM refuses, answered in InvalidLabels (user guide, "Working with parameter labels").
import { ParameterVersionLabelLimitExceeded } from "../generated/errors.js";
import type { ParameterRecord, ParameterVersion } from "../store.js";

const MAX_LABELS = 10;

/** Letters, digits, `.`, `-`, `_`; not starting with a digit, `aws` or `ssm` (any case). */
export function validLabel(label: string): boolean {
  return /^[a-zA-Z0-9_.-]+$/.test(label) && !/^[0-9]/.test(label) && !/^(aws|ssm)/i.test(label);
}

/** Attaches the valid labels to `target`, taking them off the parameter's other versions; the invalid ones are returned. */
export function attachLabels(record: ParameterRecord, target: ParameterVersion, labels: string[]): string[] {
  const unique = [...new Set(labels)];
  const invalid = unique.filter((l) => !validLabel(l));
  const valid = unique.filter(validLabel);
  const added = valid.filter((l) => !target.labels.includes(l));
  if (target.labels.length + added.length > MAX_LABELS) {
    throw new ParameterVersionLabelLimitExceeded("A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.");
  }
  for (const v of record.versions) if (v !== target) v.labels = v.labels.filter((l) => !valid.includes(l));
  target.labels.push(...added);
  return invalid;
}

/** Takes the labels off `target`: those it carried are removed, the rest invalid. */
export function detachLabels(target: ParameterVersion, labels: string[]): { removed: string[]; invalid: string[] } {
  const unique = [...new Set(labels)];
  const removed = unique.filter((l) => target.labels.includes(l));
  target.labels = target.labels.filter((l) => !removed.includes(l));
  return { removed, invalid: unique.filter((l) => !removed.includes(l)) };
}
