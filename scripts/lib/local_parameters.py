"""Writes the template parameters of the local system (.local/parameters.json).

Keys and secrets are made once and kept, so tokens and seeded data survive a restart; values
that depend on ports are rewritten each time. Usage: local_parameters.py FILE API_PORT SANDBOX_PORT
"""

import base64
import hashlib
import json
import secrets
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
import yaml

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"


class _TemplateLoader(yaml.SafeLoader):
    """Reads CloudFormation's short forms (!Ref, !Sub, ...) as {"Ref": ...} mappings."""


def _intrinsic(loader, suffix, node):
    name = suffix if suffix == "Ref" else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        return {name: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {name: loader.construct_sequence(node, deep=True)}
    return {name: loader.construct_mapping(node, deep=True)}


_TemplateLoader.add_multi_constructor("!", _intrinsic)


def service_clients(template: Path = TEMPLATE) -> dict:
    """Callers of other services, from the template: client id to (secret parameter, audiences).

    A caller is a function with `Metadata.ServiceClientAudiences`; its client id is its
    SERVICE_CLIENT_ID and its secret the parameter its SERVICE_CLIENT_SECRET refers to.
    """
    resources = yaml.load(template.read_text(), Loader=_TemplateLoader)["Resources"]
    clients = {}
    for logical_id, resource in resources.items():
        audiences = (resource.get("Metadata") or {}).get("ServiceClientAudiences")
        if not audiences:
            continue
        variables = resource["Properties"]["Environment"]["Variables"]
        secret = variables.get("SERVICE_CLIENT_SECRET")
        if "SERVICE_CLIENT_ID" not in variables or not isinstance(secret, dict) or "Ref" not in secret:
            sys.exit(f"{logical_id}: a caller needs SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET: !Ref <Name>ClientSecret")
        clients[variables["SERVICE_CLIENT_ID"]] = (secret["Ref"], list(audiences))
    return clients


def b64url_uint(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def signing_key() -> dict:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    numbers = key.public_key().public_numbers()
    kid = "local-" + secrets.token_hex(4)
    jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
           "n": b64url_uint(numbers.n), "e": b64url_uint(numbers.e)}
    return {"AuthSigningKey": pem, "AuthSigningKid": kid, "AuthJwks": json.dumps({"keys": [jwk]})}


def main() -> None:
    path, api_port, sandbox_port = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    values = json.loads(path.read_text()) if path.exists() else {}
    if "AuthSigningKey" not in values:
        values.update(signing_key())
    values.setdefault("AuthBootstrapSecret", secrets.token_urlsafe(24))
    clients = {}
    for client, (parameter, audiences) in service_clients().items():
        secret = values.setdefault(parameter, secrets.token_urlsafe(32))
        clients[client] = {"secret_sha256": hashlib.sha256(secret.encode()).hexdigest(), "audiences": audiences}
    values["AuthServiceClients"] = json.dumps(clients)

    api = f"http://127.0.0.1:{api_port}"
    sandbox = f"http://127.0.0.1:{sandbox_port}"
    values["AuthIssuer"] = f"{api}/auth"
    values["ApiBaseUrl"] = api
    for parameter, prefix in [
        ("SkidataBaseUrl", "skidata"), ("AxessBaseUrl", "axess"), ("Mpay24BaseUrl", "mpay24"),
        ("MailgunBaseUrl", "mailgun"), ("OpenWeatherMapBaseUrl", "openweathermap"),
        ("GoogleMapsBaseUrl", "google"), ("SlackBaseUrl", "slack"), ("KeycardSupplierBaseUrl", "keycards"),
    ]:
        values[parameter] = f"{sandbox}/{prefix}"
    # Credentials the sandbox accepts by default (tools/sandbox/README.md, PROVIDERS.md).
    values["SlackBotToken"] = "xoxb-sandbox"
    values["KeycardSupplierKey"] = "sandbox-keycard-key"
    values["KeycardWebhookSecret"] = "sandbox-webhook-secret"
    values["MailgunApiKey"] = "sandbox-mailgun-key"
    values["DtaCredentials"] = json.dumps(
        {"demo-dta": {"username": "starjack", "password": "sandbox-dta", "contractor_id": "C-HOCHALM"}})
    values["AxessCredentials"] = json.dumps({"demo-axess": {"username": "starjack", "password": "sandbox-axess"}})
    values["Mpay24MerchantId"] = "99999"
    values["Mpay24Password"] = "sandbox-mpay24-password"
    values["ShopBaseUrl"] = f"{sandbox}/shop"
    values["OpenWeatherMapApiKey"] = "sandbox-openweathermap-key"
    values["GoogleMapsApiKey"] = "sandbox-google-key"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values, indent=2) + "\n")
    path.chmod(0o600)


if __name__ == "__main__":
    main()
