#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, test and run Acupoint Atlas:
# the X and Vulkan/GL libraries the window loads at run time, Mesa's CPU renderers (so the
# tests' pixel snapshots render without a GPU) and Xvfb for a window without a display.
# Idempotent: installs only what is missing.
set -euo pipefail
packages=(xvfb libgl1-mesa-dri libegl1 mesa-vulkan-drivers libvulkan1 libx11-6 libxcursor1
  libxi6 libxrandr2 libxkbcommon0 libxkbcommon-x11-0 fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
