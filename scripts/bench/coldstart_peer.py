"""The cold-start benchmark's Python peer: a Python + boto3 Lambda function with a DynamoDB client.

Does what a minimal Python function on Lambda does: at init imports boto3 and builds a DynamoDB
client (reaching moto through AWS_ENDPOINT_URL); per event reads its table, as our status routes
do, and answers through the Lambda Runtime API. Run by scripts/bench/coldstart.py.
"""

import json
import os
import urllib.request

import boto3

API = f"http://{os.environ['AWS_LAMBDA_RUNTIME_API']}/2018-06-01/runtime/invocation"
TABLE = os.environ["TABLE_NAME"]
dynamodb = boto3.client("dynamodb")


def handle(event):
    table = dynamodb.describe_table(TableName=TABLE)["Table"]
    return {"statusCode": 200, "body": json.dumps({"table": table["TableStatus"]})}


while True:
    with urllib.request.urlopen(f"{API}/next") as response:
        request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
        event = json.loads(response.read())
    answer = json.dumps(handle(event)).encode()
    urllib.request.urlopen(urllib.request.Request(
        f"{API}/{request_id}/response", data=answer, method="POST")).read()
