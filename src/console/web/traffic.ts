// Where the server serves each ELBv2 listener on this machine (GET /_ecs-local/elb/listeners): the
// loopback URL of its port, and the URL through ecs-local's own port by Host.
export interface LocalListener {
  accountId: string;
  region: string;
  listenerArn: string;
  localUrl?: string;
  hostUrl?: string;
  reason?: string;
}

export async function localListeners(): Promise<LocalListener[]> {
  const res = await fetch("../elb/listeners");
  if (!res.ok) return [];
  return ((await res.json()) as { listeners: LocalListener[] }).listeners;
}
