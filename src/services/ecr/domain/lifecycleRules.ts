// Which images a lifecycle policy expires at a moment (the ECR User Guide's "How lifecycle policies
// work"): rules in rulePriority order; an image that matches a rule's tag selection belongs to that
// rule and no later one expires it, whether this one expires it or not; `imageCountMoreThan` keeps
// the rule's newest N images, `sinceImagePushed` expires those pushed more than N days ago. A tagged
// selection names prefixes or wildcard patterns, each of which one of the image's tags must match.
import type { ImageRecord } from "../store.js";

interface Rule {
  rulePriority: number;
  selection: { tagStatus: "tagged" | "untagged" | "any"; tagPrefixList?: string[]; tagPatternList?: string[]; countType: "imageCountMoreThan" | "sinceImagePushed"; countNumber: number };
}

export interface Expiry {
  image: ImageRecord;
  rulePriority: number;
}

const DAY = 86_400;

function pattern(p: string): RegExp {
  return new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

function selects(rule: Rule, image: ImageRecord): boolean {
  const s = rule.selection;
  if (s.tagStatus === "untagged") return image.tags.length === 0;
  if (s.tagStatus === "any") return true;
  if (image.tags.length === 0) return false;
  const prefixes = s.tagPrefixList ?? [];
  const patterns = (s.tagPatternList ?? []).map(pattern);
  return prefixes.every((p) => image.tags.some((t) => t.startsWith(p))) && patterns.every((re) => image.tags.some((t) => re.test(t)));
}

function rules(policy: string): Rule[] {
  return ((JSON.parse(policy) as { rules: Rule[] }).rules ?? []).slice().sort((a, b) => a.rulePriority - b.rulePriority);
}

/** The images `policy` expires at `now` (epoch seconds), each with the rule that does, in the images' order. */
export function expiring(policy: string, images: ImageRecord[], now: number): Expiry[] {
  const claimed = new Set<ImageRecord>();
  const out = new Map<ImageRecord, number>();
  for (const rule of rules(policy)) {
    const mine = images.filter((i) => !claimed.has(i) && selects(rule, i));
    for (const i of mine) claimed.add(i);
    const { countType, countNumber } = rule.selection;
    const expired =
      countType === "imageCountMoreThan"
        ? mine
            .slice()
            .sort((a, b) => b.pushedAt - a.pushedAt)
            .slice(countNumber)
        : mine.filter((i) => now - i.pushedAt > countNumber * DAY);
    for (const i of expired) out.set(i, rule.rulePriority);
  }
  return images.filter((i) => out.has(i)).map((image) => ({ image, rulePriority: out.get(image)! }));
}

/** The next moment (epoch seconds) an age rule's deadline for one of the images passes, at `now` or later: expired just after it. */
export function nextAgeDeadline(policy: string, images: ImageRecord[], now: number): number | undefined {
  let next: number | undefined;
  for (const rule of rules(policy)) {
    if (rule.selection.countType !== "sinceImagePushed") continue;
    for (const i of images) {
      const at = i.pushedAt + rule.selection.countNumber * DAY;
      if (at >= now && (next === undefined || at < next)) next = at;
    }
  }
  return next;
}
