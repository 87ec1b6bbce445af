#!/usr/bin/env bash
# The registry behind ECR for the test suite (test/ecr/registry.test.ts, test/docker/ecr.test.ts):
# Debian's docker-registry, the reference Distribution registry, installed with apt when missing.
# ecs-local runs it itself as a child process with its own configuration: the package's service is
# never started. It never fails CI: without it the registry suites skip themselves and say why.
set -u
log() { echo "registry.sh: $*" >&2; }
if command -v docker-registry >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing docker-registry"
  # policy-rc.d keeps the package's own service from starting during the install.
  made=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made=1; fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry; } >&2 || log "apt-get could not install docker-registry"
  if [ -n "$made" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
command -v docker-registry >/dev/null 2>&1 || log "no docker-registry on this machine: the ECR registry suites will be skipped"
exit 0
