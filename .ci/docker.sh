#!/usr/bin/env bash
# Docker engines for the Docker end-to-end suite (test/docker/), isolated from any other engine on
# the machine: each has its own bridge, data root, exec root, pidfile and socket under $ROOT.
#   eval "$(.ci/docker.sh start)"   installs docker.io and busybox-static with apt when missing,
#                                   starts (or reuses) two engines, prints the export lines:
#                                   DOCKER_HOST (first engine), ECS_LOCAL_TEST_DOCKER_HOST_2 (second)
#   .ci/docker.sh stop              stops the engines this script started
# It never fails CI: when no engine can start it says why on stderr and prints nothing, and the
# suite reports itself skipped with the reason.
set -u
ROOT=${ECS_LOCAL_DOCKER_ROOT:-/tmp/ecs-local-ci-docker}
SUBNETS=(172.31.250.1/24 172.31.251.1/24)
log() { echo "docker.sh: $*" >&2; }

answers() {
  node -e "require('http').get({socketPath:process.argv[1],path:'/_ping',timeout:2000},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))" "$1" 2>/dev/null
}

start_engine() {
  local n=$1 dir=$ROOT/e$1 bridge=ecsl$1
  local sock=$dir/docker.sock
  if answers "$sock"; then echo "$sock"; return 0; fi
  mkdir -p "$dir"
  if ! ip link show "$bridge" >/dev/null 2>&1; then
    ip link add "$bridge" type bridge && ip addr add "${SUBNETS[$n]}" dev "$bridge" || { log "cannot create bridge $bridge"; return 1; }
  fi
  ip link set "$bridge" up
  nohup dockerd --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" -H "unix://$sock" -b "$bridge" >"$dir/dockerd.log" 2>&1 &
  for _ in $(seq 150); do
    if answers "$sock"; then echo "$sock"; return 0; fi
    sleep 0.1
  done
  log "engine $n did not answer within 15 s; its log: $dir/dockerd.log"
  tail -5 "$dir/dockerd.log" >&2
  return 1
}

stop_engine() {
  local dir=$ROOT/e$1 pid
  [ -f "$dir/dockerd.pid" ] || return 0
  pid=$(cat "$dir/dockerd.pid")
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$dir/dockerd.pid"
  ip link del "ecsl$1" 2>/dev/null || true
}

case "${1:-start}" in
  start)
    if ! command -v dockerd >/dev/null 2>&1 || [ ! -x /bin/busybox ] || ! command -v ip >/dev/null 2>&1; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing docker.io, busybox-static and iproute2"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io busybox-static iproute2; } >&2 || log "apt-get could not install docker.io busybox-static iproute2"
      fi
    fi
    if ! command -v dockerd >/dev/null 2>&1; then log "no dockerd on this machine: the Docker suite will be skipped"; exit 0; fi
    if [ "$(id -u)" != 0 ]; then log "not root, cannot start dockerd: the Docker suite will be skipped"; exit 0; fi
    first=$(start_engine 0) || exit 0
    echo "export DOCKER_HOST=unix://$first"
    if second=$(start_engine 1); then echo "export ECS_LOCAL_TEST_DOCKER_HOST_2=unix://$second"; fi
    ;;
  stop)
    stop_engine 1
    stop_engine 0
    ;;
  *)
    log "usage: $0 start|stop"
    exit 2
    ;;
esac
exit 0
