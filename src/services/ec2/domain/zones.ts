// Availability Zones: three per region (a–c), with ids in AWS's form (`use1-az1`).

export const ZONE_LETTERS = ["a", "b", "c"] as const;

const DIRECTIONS: Record<string, string> = { north: "n", south: "s", east: "e", west: "w", central: "c", northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw" };

/** `us-east-1` → `use1`, `ap-southeast-2` → `apse2`: the prefix of the region's zone ids. */
function regionCode(region: string): string {
  const [area, direction, number] = region.split("-");
  return `${area}${DIRECTIONS[direction ?? ""] ?? (direction ?? "").slice(0, 1)}${number ?? ""}`;
}

export function zoneNames(region: string): string[] {
  return ZONE_LETTERS.map((l) => `${region}${l}`);
}

export function zoneId(zoneName: string): string {
  const region = zoneName.slice(0, -1);
  return `${regionCode(region)}-az${ZONE_LETTERS.indexOf(zoneName.slice(-1) as "a") + 1}`;
}

export function isZone(region: string, zone: string): boolean {
  return zoneNames(region).includes(zone);
}
