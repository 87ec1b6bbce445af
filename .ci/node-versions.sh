#!/usr/bin/env bash
# CI: the suite runs on the machine's Node (20); here the server and the end-to-end tests also run on
# Node 22 and 24. Their binaries come from the npm registry (the node-<platform>-<arch> packages),
# not from nodejs.org, kept in $ECS_LOCAL_NODE_CACHE between runs. Idempotent; needs node and npm.
#   .ci/node-versions.sh [major ...]      (default: 22 24)
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${ECS_LOCAL_NODE_CACHE:-${TMPDIR:-/tmp}/ecs-local-nodes}"
platform="$(node -p 'process.platform + "-" + process.arch')"
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)

for major in "${majors[@]}"; do
  prefix="$cache/$major"
  bin="$prefix/node_modules/node-$platform/bin"
  if [ ! -x "$bin/node" ]; then
    echo "== installing Node $major (npm package node-$platform@$major)"
    npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node-$platform@$major" >/dev/null
  fi
  version="$("$bin/node" --version)"
  case "$version" in "v$major".*) ;; *) echo "expected Node $major, got $version" >&2; exit 1 ;; esac
  echo "== Node $version: server start"
  PATH="$bin:$PATH" node --import tsx src/main.ts --version >/dev/null
  PATH="$bin:$PATH" node --input-type=module -e '
    import { spawn } from "node:child_process";
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    const timer = setTimeout(() => { console.error("no start within 60 s"); process.exit(1); }, 60000);
    let out = "";
    child.stdout.on("data", async (c) => {
      const m = /listening on (\S+)/.exec(out += c);
      if (!m) return;
      const health = await (await fetch(m[1] + "/_ecs-local/health")).json();
      if (health.status !== "ok") { console.error(health); process.exit(1); }
      child.on("exit", (code) => { clearTimeout(timer); process.exit(code ?? 1); });
      child.kill("SIGTERM");
    });'
  echo "== Node $version: end-to-end tests"
  # The files that reach each part of the server a Node version can change: the wire protocols
  # through the CLI and the SDK (JSON, query, EC2, rest-xml and streamed bodies), the journal
  # (native SQLite or node:sqlite) under kill -9, signals, timers and the lifecycle (the lab),
  # the CloudFormation engine, and the packed tarball installed and started. The other end-to-end
  # files drive the same code through other clients, run on Node 20 by npm test; the image test
  # builds on the machine's own node, whatever runs vitest; the CDK's is the CLI's Node, not ours.
  # One file at a time: each starts servers and child processes of its own, and CI has two cores.
  PATH="$bin:$PATH" node node_modules/vitest/vitest.mjs run --no-file-parallelism --testTimeout 180000 \
    test/e2e/cli.test.ts test/e2e/sdk.test.ts test/e2e/s3.test.ts test/e2e/persist.test.ts test/e2e/shutdown.test.ts \
    test/e2e/lab.test.ts test/e2e/cloudformation.test.ts test/e2e/pack.test.ts
done
