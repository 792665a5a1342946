#!/usr/bin/env bash
# Start to the first frame of the real window, as a user waits for it: runs the release build
# under Xvfb RUNS times (default 10) and prints each stage's median, from the start of `main`.
# Needs `cargo build --release` first, and Xvfb (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-10}"
display=":${DISPLAY_NUMBER:-97}"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
out="$(mktemp -d)"
home="$(mktemp -d)"
for i in $(seq "$runs"); do
  HOME="$home" DISPLAY="$display" ACUPOINT_ATLAS_STARTUP=1 timeout 60 \
    target/release/acupoint-atlas --screenshot "$out/shot.png" 2>>"$out/times.txt" >/dev/null
done
python3 - "$out/times.txt" <<'PY'
import re, statistics, sys
stages = {}
for line in open(sys.argv[1]):
    m = re.match(r"startup: (.*): ([0-9.]+) ms", line)
    if m:
        stages.setdefault(m.group(1), []).append(float(m.group(2)))
for stage, times in stages.items():
    print(f"{stage}: median {statistics.median(times):.0f} ms "
          f"(min {min(times):.0f}, max {max(times):.0f}, {len(times)} runs)")
PY
