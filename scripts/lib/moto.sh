# Sourced by scripts: starts moto's server on a free loopback port, exports what the AWS SDK
# needs to reach it, and stops it when the calling script exits.

starjack_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

starjack_moto() {
  local port log
  port=${1:-$(starjack_free_port)}
  log=${2:-$(mktemp -t moto.XXXXXX.log)}
  moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
  STARJACK_MOTO_PID=$!
  trap 'kill "$STARJACK_MOTO_PID" 2>/dev/null; wait "$STARJACK_MOTO_PID" 2>/dev/null' EXIT
  for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$STARJACK_MOTO_PID" 2>/dev/null; then
      echo "moto's server failed to start; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
  done
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
  export AWS_REGION=eu-central-1 AWS_DEFAULT_REGION=eu-central-1
  echo "==> moto's server on $AWS_ENDPOINT_URL (log: $log)"
}
