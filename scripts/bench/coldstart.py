#!/usr/bin/env python3
"""Cold-start measurements behind a Lambda Runtime API stub; run by scripts/bench/coldstart.

For every function of the template (as `starjack-local --describe` prints them), and for two
baselines in the same run (hello-lambda, the smallest lambda_runtime binary of the same profile,
and a Python + boto3 function with a DynamoDB client), starts the process N times, hands it one
event, and measures per start:
  init          process start to its first GET /runtime/invocation/next
  first answer  process start to its POST .../response (or .../error)
  CPU           user + system time of the process (wait4 after it is stopped, which happens as
                soon as it answered)
  peak RSS      the process's VmHWM when it answered
Starts are interleaved round by round, so machine noise spreads over all targets alike. auth-api
runs a second time with its secrets' variables in its environment, to show what reading them costs.

Usage: coldstart.py FUNCTIONS_JSON N BENCHMARKS_MD
"""

import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEER = ROOT / "scripts/bench/coldstart_peer.py"
BEGIN, END = "<!-- coldstart:begin -->", "<!-- coldstart:end -->"

# The event each function gets: its status route, or the payload it exists for.
EVENTS = {
    "auth-api": "events/auth/status.json",
    "dta-api": "events/dta/status.json",
    "axess-api": "events/axess/status.json",
    "liftoperator-api": "events/liftoperator/status.json",
    "frontend-logs": "events/logs/status.json",
    "log-alerts": "events/logs/one-error.json",
}
BASELINE = "hello-lambda"
PYTHON = "python-boto3"
# auth-api with its secret's variables in its environment instead: what reading the secrets
# (one BatchGetSecretValue at start-up, shared::secrets) costs, here against moto.
WITHOUT_SECRETS = "auth-api, secrets in env"


def without_secrets(environment):
    """`environment` with the variables of the secrets SECRET_IDS names instead of the names."""
    import boto3

    environment = dict(environment)
    ids = [i for i in environment.pop("SECRET_IDS", "").split(",") if i]
    client = boto3.client("secretsmanager")
    for secret_id in ids:
        environment.update(json.loads(client.get_secret_value(SecretId=secret_id)["SecretString"]))
    return environment


class Start:
    """The one start in flight: what the stub hands out and what it saw."""

    def __init__(self, event: bytes):
        self.event = event
        self.request_id = str(uuid.uuid4())
        self.started = time.monotonic()
        self.next_at = None
        self.answered_at = None
        self.outcome = None
        self.answered = threading.Event()
        self.stopped = threading.Event()


class RuntimeApi(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"{}", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        start = self.server.start
        if not self.path.endswith("/runtime/invocation/next"):
            return self.reply(404)
        if start.next_at is not None:
            start.stopped.wait(60)  # the second /next: hold it until the process is stopped
            return
        start.next_at = time.monotonic()
        deadline = int(time.time() * 1000) + 10_000
        self.reply(200, start.event, {
            "Lambda-Runtime-Aws-Request-Id": start.request_id,
            "Lambda-Runtime-Deadline-Ms": str(deadline),
            "Lambda-Runtime-Invoked-Function-Arn":
                "arn:aws:lambda:eu-central-1:123456789012:function:coldstart",
            "Lambda-Runtime-Trace-Id": "Root=1-00000000-000000000000000000000000;Sampled=0",
        })

    def do_POST(self):
        start = self.server.start
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.endswith("/response") or self.path.endswith("/error"):
            start.answered_at = time.monotonic()
            start.outcome = ("error: " + body[:200].decode(errors="replace")
                             if self.path.endswith("/error") else body[:200].decode(errors="replace"))
            self.reply(202)
            start.answered.set()
        else:
            self.reply(404)


class Server(ThreadingHTTPServer):
    """One Runtime API per start, so a stopped process's last request cannot reach the next."""

    daemon_threads = True

    def __init__(self, start):
        super().__init__(("127.0.0.1", 0), RuntimeApi)
        self.start = start

    def handle_error(self, request, client_address):
        """A stopped process resets its held /next connection: expected, not worth a trace."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, BrokenPipeError)):
            super().handle_error(request, client_address)


def vm_hwm_kb(pid):
    """The process's peak resident set since its exec (wait4's ru_maxrss would include the
    forked Python parent's pages)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def run_once(command, env, event):
    start = Start(event)
    server = Server(start)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**env, "AWS_LAMBDA_RUNTIME_API": f"127.0.0.1:{server.server_address[1]}"}
    output = tempfile.TemporaryFile()
    start.started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
    answered = start.answered.wait(30)
    peak_rss_kb = vm_hwm_kb(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = -signal.SIGKILL
    start.stopped.set()
    server.shutdown()
    server.server_close()
    if not answered or start.next_at is None:
        output.seek(0)
        tail = output.read()[-2000:].decode(errors="replace")
        raise RuntimeError(f"{command[0]} did not answer within 30 s; its output:\n{tail}")
    return {
        "init_ms": (start.next_at - start.started) * 1000,
        "answer_ms": (start.answered_at - start.started) * 1000,
        "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
        "rss_mb": peak_rss_kb / 1024,
        "outcome": start.outcome,
    }


def targets(functions):
    """(name, command, environment, event) of every function and both baselines."""
    by_binary = {Path(f["binary"]).name: f for f in functions}
    missing = sorted(set(by_binary) - set(EVENTS))
    if missing:
        sys.exit(f"no benchmark event for {', '.join(missing)}: add one to EVENTS in {__file__}")
    result = []
    for binary, function in sorted(by_binary.items()):
        event = (ROOT / EVENTS[binary]).read_bytes()
        result.append((binary, [function["binary"]], function["environment"], event))
    auth = by_binary["auth-api"]
    release = Path(auth["binary"]).parent
    status = (ROOT / EVENTS["auth-api"]).read_bytes()
    result.append((WITHOUT_SECRETS, [auth["binary"]], without_secrets(auth["environment"]), status))
    result.append((BASELINE, [str(release / BASELINE)], auth["environment"], status))
    result.append((PYTHON, [sys.executable, str(PEER)], auth["environment"], status))
    return result


def median(values):
    return statistics.median(values)


def p90(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def machine():
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} cores, {model}, Linux {platform.release()}"


def commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                       text=True).strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def table(results, sizes, starts):
    hello, peer = results[BASELINE], results[PYTHON]
    hello_init = median([r["init_ms"] for r in hello])
    peer_cpu = median([r["cpu_ms"] for r in peer])
    lines = [
        "| binary | stripped size | init median (p90) | init ÷ hello | first answer median | "
        "CPU median | Python CPU ÷ this | peak RSS max | goals |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, runs in results.items():
        init = median([r["init_ms"] for r in runs])
        cpu = median([r["cpu_ms"] for r in runs])
        rss = max(r["rss_mb"] for r in runs)
        size = f"{sizes[name] / 1e6:.2f} MB" if name in sizes else "-"
        goals = "baseline"
        if name not in (BASELINE, PYTHON):
            misses = []
            if init > 2 * hello_init:
                misses.append("init > 2× hello")
            if peer_cpu / cpu < 20:
                misses.append("CPU < 20× below Python")
            if rss > 10:
                misses.append("RSS > 10 MB")
            if sizes.get(name, 0) > 8_000_000:
                misses.append("size > 8 MB")
            goals = "met" if not misses else "missed: " + ", ".join(misses)
        lines.append(
            f"| {name} | {size} | {init:.1f} ms ({p90([r['init_ms'] for r in runs]):.1f}) | "
            f"{init / hello_init:.2f}× | {median([r['answer_ms'] for r in runs]):.1f} ms | "
            f"{cpu:.1f} ms | {peer_cpu / cpu:.1f}× | {rss:.1f} MB | {goals} |")
    return "\n".join(lines)


def main():
    functions = json.loads(Path(sys.argv[1]).read_text())
    starts = int(sys.argv[2])
    out = ROOT / sys.argv[3]
    chosen = targets(functions)
    results = {name: [] for name, *_ in chosen}
    for round_no in range(starts):
        order = list(chosen)
        random.shuffle(order)
        for name, command, env, event in order:
            results[name].append(run_once(command, env, event))
        print(f"round {round_no + 1}/{starts} done", flush=True)
    for name, runs in results.items():
        print(f"{name}: last answer {runs[-1]['outcome'][:120]}")

    sizes = {name: Path(command[0]).stat().st_size for name, command, *_ in chosen
             if name != PYTHON}
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = "\n".join([
        BEGIN,
        "## Cold starts",
        "",
        f"`scripts/bench/coldstart {starts}` on {now}, commit {commit()}, {machine()}: each "
        f"binary started {starts} times behind our Runtime API stub with its template "
        "environment and one event (status routes; `log-alerts` one error line), release "
        "profile, x86_64. CPU from `wait4` of the process, stopped as soon as it answered; peak "
        "RSS is its VmHWM at that moment. Baselines of the same run: `hello-lambda` (init) and a "
        "Python 3.11 + boto3 function with a DynamoDB client (CPU).",
        "",
        table(results, sizes, starts),
        "",
        "Goals (issue 8): init ≤ 2× hello-lambda's, CPU to the first answer ≥ 20× below the "
        "Python function's, peak RSS ≤ 10 MB, stripped binary ≤ 8 MB.",
        END,
    ])
    text = out.read_text() if out.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    out.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
