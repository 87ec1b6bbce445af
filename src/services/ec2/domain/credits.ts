// CPU credits of burstable (T) instances: T2 launches `standard`, later T families `unlimited`.

const BURSTABLE = new Set(["t2", "t3", "t3a", "t4g"]);

export function isBurstable(type: string): boolean {
  return BURSTABLE.has(type.split(".")[0]);
}

/** The credit option an instance of this type launches with when the request names none. */
export function defaultCredits(type: string): "standard" | "unlimited" {
  return type.startsWith("t2.") ? "standard" : "unlimited";
}
