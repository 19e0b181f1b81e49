#!/usr/bin/env bash
# The browser tests (src/test/java/dev/raven/web/BrowserTest) drive Debian's Chromium through
# its chromedriver. Installs both with apt-get when missing and running as root; otherwise
# stops with the package names. Never downloads a browser from anywhere else.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "browser tests need Debian's chromium and chromium-driver: run 'sudo apt-get install -y chromium chromium-driver'" >&2
    exit 1
fi
echo "installing chromium and chromium-driver for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "apt-get did not install /usr/bin/chromium and /usr/bin/chromedriver" >&2
    exit 1
fi
