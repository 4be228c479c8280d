#!/usr/bin/env bash
# Debian packages the product needs beside Node: Chromium (browser tests, PDF export of bulletins),
# a CJK font (Chinese text in screenshots and PDFs) and poppler-utils (pdftotext, to read a PDF's
# text layer in tests). Installed from Debian's registry with apt-get; a present package is skipped.
# Set DUBAN_SKIP_SYSTEM_PACKAGES=1 to manage them yourself (then CHROMIUM_PATH names the browser).
set -uo pipefail
log() { printf '[provision] %s\n' "$*"; }

if [ "${DUBAN_SKIP_SYSTEM_PACKAGES:-}" = "1" ]; then
  log "system packages: skipped (DUBAN_SKIP_SYSTEM_PACKAGES=1)"
  exit 0
fi

# package → a file it installs, so a check needs no dpkg database look-up.
declare -A probe=(
  [chromium]=/usr/bin/chromium
  [fonts-wqy-microhei]=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  [poppler-utils]=/usr/bin/pdftotext
)
missing=()
for pkg in "${!probe[@]}"; do
  [ -e "${probe[$pkg]}" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then
  log "system packages: chromium, fonts-wqy-microhei, poppler-utils present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  log "ERROR: missing ${missing[*]} and no apt-get here; install them (or set CHROMIUM_PATH) and run again" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    log "ERROR: missing ${missing[*]}; run 'apt-get install ${missing[*]}' as root, then again" >&2
    exit 1
  fi
fi
log "system packages: installing ${missing[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get update -qq >/dev/null || ! $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; then
  log "ERROR: apt-get could not install ${missing[*]}; run 'apt-get install ${missing[*]}' as root and see its message" >&2
  exit 1
fi
log "system packages: installed ${missing[*]}"
