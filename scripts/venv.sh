# Sourced by scripts/run and scripts/test: makes .venv and installs QuickReply into it
# from a lock file (requirements/*.txt, every package pinned with its hashes), so every
# machine and CI run gets the same packages; scripts/lock writes the lock files.
install_locked() {
  local lock=$1
  [ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$lock"
  # QuickReply itself: its dependencies and build tools came from the lock above.
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
}
