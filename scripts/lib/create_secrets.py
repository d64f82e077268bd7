"""Makes the secrets of a deployment in Secrets Manager, and the public JWKS in SSM.

Each secret of template.yaml's Metadata.Secrets (but the template's own) becomes <stack>/<name>;
the public keys become the SSM String parameter /<stack>/auth/jwks (the template's AuthJwks).
Run it before the first deploy and again whenever the template declares a new secret or a new
service client: what exists is kept (keys, client secrets, credentials filled in since), only
what is missing is made, and auth's AUTH_SERVICE_CLIENTS is derived again from the callers.
Third parties' credentials start as placeholders for the operator to fill in.
Usage: create_secrets.py [--stack NAME] [--region REGION] [--key-bits 3072]
"""

import argparse
import json
import secrets
import time

import boto3

import stack_secrets

PLACEHOLDER = "REPLACE-ME"


def placeholders() -> dict:
    """The providers' credentials before the operator fills them in (the functions start)."""
    return {
        "SLACK_BOT_TOKEN": PLACEHOLDER,
        "KEYCARD_SUPPLIER_KEY": PLACEHOLDER,
        # Ours to choose: the supplier signs its webhook events with it.
        "KEYCARD_WEBHOOK_SECRET": secrets.token_urlsafe(32),
        "MAILGUN_API_KEY": PLACEHOLDER,
        "DTA_CREDENTIALS": "{}",
        "AXESS_CREDENTIALS": "{}",
        "MPAY24_MERCHANT_ID": PLACEHOLDER,
        "MPAY24_PASSWORD": PLACEHOLDER,
        "OPENWEATHERMAP_API_KEY": PLACEHOLDER,
        "GOOGLE_MAPS_API_KEY": PLACEHOLDER,
    }


def existing(client, ssm, stack: str, names) -> dict:
    kept = {}
    for name in names:
        try:
            text = client.get_secret_value(SecretId=f"{stack}/{name}")["SecretString"]
            kept[name] = json.loads(text)
        except client.exceptions.ResourceNotFoundException:
            pass
    try:
        kept["jwks"] = ssm.get_parameter(Name=f"/{stack}/auth/jwks")["Parameter"]["Value"]
    except ssm.exceptions.ParameterNotFound:
        pass
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", default="starjack")
    parser.add_argument("--region")
    parser.add_argument("--key-bits", type=int, default=3072)
    args = parser.parse_args()
    session = boto3.session.Session(region_name=args.region)
    client, ssm = session.client("secretsmanager"), session.client("ssm")
    tpl = stack_secrets.template()
    names = [name for name in stack_secrets.declared(tpl) if name != stack_secrets.TEMPLATE_OWN]
    kept = existing(client, ssm, args.stack, names)
    kid = f"{args.stack}-{time.strftime('%Y%m%d')}"
    values, jwks = stack_secrets.make(tpl, placeholders(), kept, args.key_bits, kid)
    changed = {name: v for name, v in values.items() if kept.get(name) != v}
    stack_secrets.put(client, args.stack, changed)
    if kept.get("jwks") != jwks:
        ssm.put_parameter(Name=f"/{args.stack}/auth/jwks", Value=jwks, Type="String", Overwrite=True)
    for name in names:
        state = "kept" if name not in changed else ("updated" if name in kept else "created")
        todo = [key for key, value in values[name].items() if value == PLACEHOLDER]
        print(f"{args.stack}/{name}: {state}" + (f"; fill in {', '.join(todo)}" if todo else ""))
    print(f"/{args.stack}/auth/jwks: {'kept' if kept.get('jwks') == jwks else 'written'}")


if __name__ == "__main__":
    main()
