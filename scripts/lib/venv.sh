# Sourced by scripts: makes sure .venv holds the pinned Python tools of one purpose, and puts it
# on PATH. `starjack_venv run|test|deploy` installs scripts/requirements/<purpose>.txt (each adds to
# the one before), and only when that file or one it includes changed since it was installed.

starjack_venv() {
  local purpose=${1:?run, test or deploy} root venv stamp want
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  venv="$root/.venv"
  stamp="$venv/.installed-$purpose.sha256"
  want=$(cat "$root"/scripts/requirements/*.txt "$root/scripts/requirements/$purpose.txt" | sha256sum | cut -d' ' -f1)
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "==> preparing .venv for $purpose (scripts/requirements/$purpose.txt)"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/scripts/requirements/$purpose.txt"
    echo "$want" > "$stamp"
  fi
  export PATH="$venv/bin:$PATH"
  export SAM_CLI_TELEMETRY=0
}

# starjack_tool NAME ARGS...: runs the Python tool NAME (checkov, sam) from a venv of its own,
# outside the work tree (${XDG_CACHE_HOME:-~/.cache}/starjack/NAME-<hash of
# scripts/requirements/NAME.txt>): checkov pins older boto3 and friends than moto, and both
# install slowly (checkov about four minutes on two busy cores without pip's cache, SAM two and a
# half), so every clone on a machine shares one install, made once per requirements change.
starjack_tool() {
  local name=${1:?tool name} root want venv
  shift
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  want=$(sha256sum "$root/scripts/requirements/$name.txt" | cut -c1-16)
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/starjack/$name-$want"
  if [ ! -f "$venv/.installed" ]; then
    echo "==> installing $name into $venv (scripts/requirements/$name.txt; once per machine)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/scripts/requirements/$name.txt"
    touch "$venv/.installed"
  fi
  SAM_CLI_TELEMETRY=0 "$venv/bin/$name" "$@"
}
