#!/usr/bin/env bash
# What the console's browser tests need from the system: Debian's Chromium, driven by
# playwright-core. Tools must never download a browser of their own, so apt is the only source.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
# A fresh machine may have no package lists yet; without them the install finds nothing.
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
