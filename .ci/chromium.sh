#!/usr/bin/env bash
# CI: Debian's chromium for the console's browser tests (driven by playwright-core; no browser is
# downloaded). Idempotent. When it cannot be installed, the browser suite reports itself skipped.
set -uo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "chromium is missing and this user cannot install it; the console's browser tests will report themselves skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium; then
  echo "installed $(chromium --version 2>/dev/null || echo chromium)"
else
  echo "chromium could not be installed; the console's browser tests will report themselves skipped" >&2
fi
exit 0
