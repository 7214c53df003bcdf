#!/usr/bin/env bash
# Opens a report's index.html in headless Chromium at WIDTH pixels and prints, as one line of JSON,
# what the first screen (the top FOLD pixels) holds: the verdict board's claim rows, how many of them
# lie wholly above the fold, and how many notes boxes reach into it.
#
# usage: reports/scripts/first-screen.sh REPORT_HTML [WIDTH [FOLD]]
# needs: chromium (Debian: apt-get install -y chromium); override the binary with CHROMIUM=/path
#
# The page itself has no scripts; a copy with a small measuring script appended is opened instead,
# and Chromium's --dump-dom prints the copy's DOM once it has loaded and been laid out. Layout depends
# on the width only, so the fold is measured, not the window's height (which includes browser chrome).
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 REPORT_HTML [WIDTH [FOLD]]" >&2
  exit 2
fi
html="$(realpath "$1")"
width="${2:-1280}"
fold="${3:-900}"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [ ! -f "$html" ]; then
  echo "first-screen.sh: no such file: $1" >&2
  exit 2
fi
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
  echo "first-screen.sh: chromium not found (Debian: apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the copy sits beside the original so relative links resolve the same
probe="$(dirname "$html")/.first-screen-$$.html"
trap 'rm -rf "$work" "$probe"' EXIT
script="<script>(function(){var fold=$fold;var board=document.getElementById('verdicts');
var rows=board?Array.from(board.querySelectorAll('tr.claim-row')):[];
var above=rows.filter(function(r){var b=r.getBoundingClientRect();return b.height>0?(b.top>=0?b.bottom<=fold:false):false;}).length;
var notes=Array.from(document.querySelectorAll('.notes')).filter(function(n){var b=n.getBoundingClientRect();return b.height>0?b.top<fold:false;}).length;
var top=board?board.getBoundingClientRect():null;
document.body.setAttribute('data-first-screen',JSON.stringify({width:window.innerWidth,fold:fold,board:!!board,
rows:rows.length,rows_above_fold:above,board_top:top?Math.round(top.top):-1,board_bottom:top?Math.round(top.bottom):-1,
notes_above_fold:notes}));})();</script>"
# no '&' in the script: awk's sub() would read it as the matched text
awk -v s="$script" '{ sub(/<\/body>/, s "</body>"); print }' "$html" > "$probe"

timeout 180 "$chromium" \
  --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-dev-shm-usage --hide-scrollbars --force-device-scale-factor=1 \
  --user-data-dir="$work/profile" \
  --window-size="$width,$((fold + 200))" \
  --dump-dom "file://$probe" >"$work/dom.html" 2>"$work/chromium.log" || {
    echo "first-screen.sh: chromium failed:" >&2
    cat "$work/chromium.log" >&2
    exit 1
  }
line="$(grep -o 'data-first-screen="[^"]*"' "$work/dom.html" | head -1 || true)"
if [ -z "$line" ]; then
  echo "first-screen.sh: the page did not run the measuring script:" >&2
  head -c 2000 "$work/dom.html" >&2
  exit 1
fi
echo "$line" | sed -e 's/^data-first-screen="//' -e 's/"$//' -e 's/&quot;/"/g' -e 's/&amp;/\&/g'
