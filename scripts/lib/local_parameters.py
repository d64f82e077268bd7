"""Writes the template parameters of the local system and puts its secrets into moto.

FILE (.local/parameters.json) gets the parameter values; secrets.json beside it keeps the
secrets (keys, client secrets, the bootstrap secret), made once so tokens and seeded data
survive a restart; each start puts them into moto as the functions read them (<stack>/<name>,
template.yaml's Metadata.Secrets), and the template's own <stack>/stack too. Values that
depend on ports are rewritten each time.
Usage: local_parameters.py FILE API_PORT SANDBOX_PORT [STACK]  (AWS_ENDPOINT_URL: moto's server)
"""

import json
import sys
from pathlib import Path

import boto3

import stack_secrets

# Credentials the sandbox accepts by default (tools/sandbox/README.md, PROVIDERS.md).
SANDBOX_CREDENTIALS = {
    "SLACK_BOT_TOKEN": "xoxb-sandbox",
    "KEYCARD_SUPPLIER_KEY": "sandbox-keycard-key",
    "KEYCARD_WEBHOOK_SECRET": "sandbox-webhook-secret",
    "MAILGUN_API_KEY": "sandbox-mailgun-key",
    "DTA_CREDENTIALS": json.dumps(
        {"demo-dta": {"username": "starjack", "password": "sandbox-dta", "contractor_id": "C-HOCHALM"}}),
    "AXESS_CREDENTIALS": json.dumps({"demo-axess": {"username": "starjack", "password": "sandbox-axess"}}),
    "MPAY24_MERCHANT_ID": "99999",
    "MPAY24_PASSWORD": "sandbox-mpay24-password",
    "OPENWEATHERMAP_API_KEY": "sandbox-openweathermap-key",
    "GOOGLE_MAPS_API_KEY": "sandbox-google-key",
}


def local_values(kept: dict) -> tuple:
    """The local secrets (name to variables) and the JWKS, keeping what `kept` holds."""
    return stack_secrets.make(stack_secrets.template(), SANDBOX_CREDENTIALS, kept, 2048, "local")


def main() -> None:
    path, api_port, sandbox_port = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    stack = sys.argv[4] if len(sys.argv) > 4 else "starjack"
    secrets_path = path.with_name("secrets.json")
    kept = json.loads(secrets_path.read_text()) if secrets_path.exists() else {}
    values, jwks = local_values(kept)
    api = f"http://127.0.0.1:{api_port}"
    sandbox = f"http://127.0.0.1:{sandbox_port}"

    parameters = {"AuthIssuer": f"{api}/auth", "AuthJwks": jwks, "ShopBaseUrl": f"{sandbox}/shop",
                  "ShopOrigin": sandbox}
    for parameter, prefix in [
        ("SkidataBaseUrl", "skidata"), ("AxessBaseUrl", "axess"), ("Mpay24BaseUrl", "mpay24"),
        ("MailgunBaseUrl", "mailgun"), ("OpenWeatherMapBaseUrl", "openweathermap"),
        ("GoogleMapsBaseUrl", "google"), ("SlackBaseUrl", "slack"), ("KeycardSupplierBaseUrl", "keycards"),
    ]:
        parameters[parameter] = f"{sandbox}/{prefix}"

    path.parent.mkdir(parents=True, exist_ok=True)
    for file, content in [(path, parameters), (secrets_path, {**values, "jwks": jwks})]:
        file.write_text(json.dumps(content, indent=2) + "\n")
        file.chmod(0o600)
    client = boto3.client("secretsmanager")
    stack_secrets.put(client, stack, {**values, stack_secrets.TEMPLATE_OWN: {"API_BASE_URL": api}})


if __name__ == "__main__":
    main()
