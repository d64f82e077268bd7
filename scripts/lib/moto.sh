# Sourced by scripts: starts moto's server (scripts/lib/moto_server.py: DynamoDB requests one at a
# time, atomic as on AWS) on a free loopback port and exports what the AWS SDK needs to reach it.
# Background processes are stopped by starjack_cleanup, which the calling script installs with
# `trap starjack_cleanup EXIT`.

STARJACK_PIDS=()

starjack_cleanup() {
  local pid
  for pid in "${STARJACK_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARJACK_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}

starjack_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# starjack_wait_for URL NAME LOG: waits until URL answers, or fails showing LOG.
starjack_wait_for() {
  local url=$1 name=$2 log=$3
  for _ in $(seq 1 300); do
    if curl -fs "$url" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  echo "$name did not start; its log ($log):" >&2
  tail -n 40 "$log" >&2
  return 1
}

starjack_moto() {
  local port log
  port=$(starjack_free_port)
  log=${1:-$(mktemp -t moto.XXXXXX.log)}
  python3 "$(dirname "${BASH_SOURCE[0]}")/moto_server.py" 127.0.0.1 "$port" >"$log" 2>&1 &
  STARJACK_PIDS+=($!)
  starjack_wait_for "http://127.0.0.1:$port/moto-api/" "moto's server" "$log"
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
  export AWS_REGION=eu-central-1 AWS_DEFAULT_REGION=eu-central-1
  echo "==> moto's server on $AWS_ENDPOINT_URL (log: $log)"
}
