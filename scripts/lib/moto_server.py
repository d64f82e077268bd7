"""moto's server, with DynamoDB requests served one at a time.

DynamoDB applies a conditional write or a transaction atomically; moto's threaded server checks a
condition and writes in separate steps, so two concurrent requests can both pass one condition
(two winners of one refresh-token rotation or booking claim, where AWS has one). Serialising the
DynamoDB requests gives the atomicity our code relies on; every other service stays concurrent
(an SQS long poll never waits for a lock). Usage: moto_server.py HOST PORT
"""

import sys
import threading

from moto.server import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple

app = DomainDispatcherApplication(create_backend_app)
dynamodb = threading.Lock()


def serve(environ, start_response):
    if environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_"):
        with dynamodb:
            return list(app(environ, start_response))
    return app(environ, start_response)


if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    run_simple(host, port, serve, threaded=True, request_handler=MotoRequestHandler)
