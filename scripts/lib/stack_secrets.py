"""The stack's secrets as template.yaml declares them (Metadata.Secrets), made and stored.

One module for both places they live: scripts/create-secrets puts them into Secrets Manager
for a deployment; scripts/lib/local_parameters.py puts them into moto for the local system.
Each secret is <stack>/<name>, a JSON object of the variables Metadata.Secrets lists for it.
"""

import base64
import hashlib
import json
import re
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
import yaml

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"
# The secret the template makes itself (StackSecret): not ours to create.
TEMPLATE_OWN = "stack"


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


def template(path: Path = TEMPLATE) -> dict:
    return yaml.load(path.read_text(), Loader=_TemplateLoader)


def declared(tpl: dict) -> dict:
    """Secret name to the variables it holds, from Metadata.Secrets."""
    return {name: list(keys) for name, keys in tpl["Metadata"]["Secrets"].items()}


def secret_names(variables: dict) -> list:
    """The secret names a function's SECRET_IDS (`!Sub ${AWS::StackName}/<name>,...`) lists."""
    ids = variables.get("SECRET_IDS")
    text = ids.get("Fn::Sub", "") if isinstance(ids, dict) else (ids or "")
    return re.findall(r"\$\{AWS::StackName\}/([a-z0-9-]+)", text)


def service_clients(tpl: dict) -> dict:
    """Callers of other services: client id to (the secret holding its SERVICE_CLIENT_SECRET,
    audiences). A caller is a function with `Metadata.ServiceClientAudiences`."""
    holders = [name for name, keys in declared(tpl).items() if "SERVICE_CLIENT_SECRET" in keys]
    clients = {}
    for logical_id, resource in tpl["Resources"].items():
        audiences = (resource.get("Metadata") or {}).get("ServiceClientAudiences")
        if not audiences:
            continue
        variables = resource["Properties"]["Environment"]["Variables"]
        own = [name for name in secret_names(variables) if name in holders]
        if "SERVICE_CLIENT_ID" not in variables or len(own) != 1:
            raise SystemExit(f"{logical_id}: a caller needs SERVICE_CLIENT_ID and one secret with SERVICE_CLIENT_SECRET in SECRET_IDS")
        holder, merged = clients.setdefault(variables["SERVICE_CLIENT_ID"], (own[0], []))
        if holder != own[0]:
            raise SystemExit(f"{logical_id}: the functions of one client share one secret")
        merged.extend(audience for audience in audiences if audience not in merged)
    return clients


def _b64url_uint(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def signing_key(bits: int, kid_prefix: str) -> tuple:
    """A new RSA signing key: (its PEM, its kid, its public JWK)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    numbers = key.public_key().public_numbers()
    kid = f"{kid_prefix}-{secrets.token_hex(4)}"
    jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": kid,
           "n": _b64url_uint(numbers.n), "e": _b64url_uint(numbers.e)}
    return pem, kid, jwk


def make(tpl: dict, third_party: dict, kept: dict, bits: int, kid_prefix: str) -> tuple:
    """Every secret but the template's own: (name to variables, the public JWKS).

    `kept` holds values made before (name to variables, plus "jwks"), which stay; new keys and
    client secrets are made; `third_party` gives the providers' credentials (variable to value).
    AUTH_SERVICE_CLIENTS is derived from the callers' secrets each time.
    """
    values = {name: dict(kept.get(name, {})) for name in declared(tpl) if name != TEMPLATE_OWN}
    auth = values["auth"]
    jwks = kept.get("jwks")
    if "AUTH_SIGNING_KEY" not in auth or not jwks:
        pem, kid, jwk = signing_key(bits, kid_prefix)
        auth.update(AUTH_SIGNING_KEY=pem, AUTH_SIGNING_KID=kid)
        jwks = json.dumps({"keys": [jwk]})
    auth.setdefault("AUTH_BOOTSTRAP_SECRET", secrets.token_urlsafe(24))
    entries = {}
    for client, (holder, audiences) in service_clients(tpl).items():
        secret = values[holder].setdefault("SERVICE_CLIENT_SECRET", secrets.token_urlsafe(32))
        entries[client] = {"secret_sha256": hashlib.sha256(secret.encode()).hexdigest(),
                           "audiences": audiences}
    auth["AUTH_SERVICE_CLIENTS"] = json.dumps(entries)
    for name, keys in declared(tpl).items():
        for key in keys:
            if name != TEMPLATE_OWN and key not in values[name]:
                if key not in third_party:
                    raise SystemExit(f"no value for {key} of the secret {name}")
                values[name][key] = third_party[key]
    return values, jwks


def put(client, stack: str, values: dict) -> None:
    """Creates or updates <stack>/<name> for each secret of `values` (boto3's secretsmanager)."""
    for name, variables in values.items():
        secret_id, text = f"{stack}/{name}", json.dumps(variables)
        try:
            client.put_secret_value(SecretId=secret_id, SecretString=text)
        except client.exceptions.ResourceNotFoundException:
            client.create_secret(Name=secret_id, SecretString=text,
                                 Description=f"Starjack {name}: variables its functions read at start-up")
