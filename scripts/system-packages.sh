# Sourced by scripts/run and scripts/test: installs missing Debian packages as root,
# or says which ones are missing.

# What Qt's xcb platform needs to show a window on Linux.
QT_XCB_PACKAGES=(libxcb-cursor0 libegl1 libgl1 libxkbcommon-x11-0 libxkbcommon0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-noto-cjk)

ensure_packages() {
  command -v dpkg-query >/dev/null || return 0  # not a Debian-like system: nothing to check
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]}" >&2
    return 1
  fi
}
