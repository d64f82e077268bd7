"""Seeds the freshly started local system: the first admin, then, as that admin, the demo
data in scripts/seed/ (lift operators, FAQ entries).

Usage: seed.py API_BASE_URL BOOTSTRAP_SECRET STATE_DIR. Writes STATE_DIR/admin.json.
"""

import json
import secrets
import sys
import urllib.error
import urllib.request
from pathlib import Path


def call(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def main() -> None:
    api, bootstrap_secret, state = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    admin_file = state / "admin.json"
    admin = json.loads(admin_file.read_text()) if admin_file.exists() else {
        "email": "admin@starjack.local", "name": "Starjack Admin", "password": secrets.token_urlsafe(18)}
    status, body = call("POST", f"{api}/auth/admin/bootstrap", admin, {"x-bootstrap-secret": bootstrap_secret})
    if status not in (201, 409):
        sys.exit(f"seeding the admin failed: {status} {body}")
    admin_file.write_text(json.dumps(admin, indent=2) + "\n")
    admin_file.chmod(0o600)
    print(f"  admin {admin['email']} (password in {admin_file})")

    status, tokens = call("POST", f"{api}/auth/login", {"email": admin["email"], "password": admin["password"]})
    if status != 200:
        sys.exit(f"the admin cannot log in: {status} {tokens}")
    bearer = {"authorization": f"Bearer {tokens['access_token']}"}
    seed = Path(__file__).resolve().parent.parent / "seed"
    for operator in json.loads((seed / "liftoperators.json").read_text()):
        status, body = call("POST", f"{api}/liftoperators", operator, bearer)
        if status not in (201, 409):
            sys.exit(f"seeding lift operator {operator['id']} failed: {status} {body}")
        print(f"  lift operator {operator['id']} ({operator['provider']['type']})")
    entries = json.loads((seed / "faq.json").read_text())
    for entry in entries:
        status, body = call("POST", f"{api}/faq", entry, bearer)
        if status not in (200, 201, 409):
            sys.exit(f"seeding FAQ entry {entry['id']} failed: {status} {body}")
    print(f"  {len(entries)} FAQ entries ({', '.join(sorted({e['locale'] for e in entries}))})")


if __name__ == "__main__":
    main()
