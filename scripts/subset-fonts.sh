#!/usr/bin/env bash
# Regenerates the fonts in assets/fonts/ from Debian's font packages, subset to what the atlas
# needs: Noto Sans (regular and bold) for Latin text with pinyin tone marks, and Droid Sans
# Fallback for the Chinese characters, cut down to the characters the atlas's RON files use.
# Run it after adding characters to the atlas:  bash scripts/subset-fonts.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ! -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]; then
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends fonts-noto-core fonts-droid-fallback
fi
venv="${TMPDIR:-/tmp}/acupoint-fonttools"
[ -x "$venv/bin/pyftsubset" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q fonttools; }

# Latin, Latin-1, Latin Extended-A/B (pinyin tone marks), general punctuation, arrows, maths.
latin="U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+2190-21FF,U+2200-22FF,U+2500-257F,U+25A0-25FF"
for weight in Regular Bold; do
  "$venv/bin/pyftsubset" "/usr/share/fonts/truetype/noto/NotoSans-$weight.ttf" \
    --unicodes="$latin" --layout-features='*' --output-file="assets/fonts/NotoSans-$weight.ttf"
done

# Every character outside ASCII that the atlas uses, plus the interface's own CJK labels.
chars=$(python3 -c '
import glob
text = "".join(open(p, encoding="utf-8").read() for g in ("atlas/**/*.ron", "src/**/*.rs") for p in glob.glob(g, recursive=True))
print("".join(sorted({c for c in text if ord(c) >= 0x2E80})))')
"$venv/bin/pyftsubset" /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
  --text="$chars" --output-file=assets/fonts/DroidSansFallback-atlas.ttf
ls -l assets/fonts/*.ttf
