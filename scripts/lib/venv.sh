# Sourced by scripts: makes sure .venv holds the pinned Python tools, and puts it on PATH.
# Reinstalls only when scripts/requirements-dev.txt changed.

starjack_venv() {
  local root venv stamp want
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  venv="$root/.venv"
  stamp="$venv/.requirements.sha256"
  want=$(sha256sum "$root/scripts/requirements-dev.txt" | cut -d' ' -f1)
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "==> preparing .venv (moto, cfn-lint, aws-sam-cli, cargo-lambda)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/scripts/requirements-dev.txt"
    echo "$want" > "$stamp"
  fi
  export PATH="$venv/bin:$PATH"
  export SAM_CLI_TELEMETRY=0
}
