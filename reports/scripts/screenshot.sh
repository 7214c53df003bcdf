#!/usr/bin/env bash
# Opens a report's index.html in headless Chromium and saves a PNG screenshot of the top
# WIDTHxHEIGHT pixels of the page (make HEIGHT large to capture the whole report).
#
# usage: reports/scripts/screenshot.sh REPORT_HTML OUT_PNG [WIDTH [HEIGHT]]
# needs: chromium (Debian: apt-get install -y chromium); override the binary with CHROMIUM=/path
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT_HTML OUT_PNG [WIDTH [HEIGHT]]" >&2
  exit 2
fi
html="$(realpath "$1")"
out="$(realpath -m "$2")"
width="${3:-1280}"
height="${4:-3000}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"

if [ ! -f "$html" ]; then
  echo "screenshot.sh: no such file: $1" >&2
  exit 2
fi
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
  echo "screenshot.sh: chromium not found (Debian: apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 2
fi

# a fresh profile each time: no state from earlier runs, nothing left behind
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$(dirname "$out")"
rm -f "$out"

timeout 180 "$chromium" \
  --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-dev-shm-usage --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$profile" \
  --window-size="$width,$height" \
  --screenshot="$out" \
  "file://$html" >"$profile/chromium.log" 2>&1 || {
    echo "screenshot.sh: chromium failed:" >&2
    cat "$profile/chromium.log" >&2
    exit 1
  }

if [ ! -s "$out" ]; then
  echo "screenshot.sh: chromium wrote no screenshot:" >&2
  cat "$profile/chromium.log" >&2
  exit 1
fi
echo "$out"
