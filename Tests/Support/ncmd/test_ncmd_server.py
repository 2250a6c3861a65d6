#!/usr/bin/env python3
"""A stand-in for NCMD's endpoint in cdop's tests: HTTPS (http.server + ssl) on a free loopback port.

Prints "READY <port>" once it accepts connections. Every POST is appended as one JSON line to the requests
file: {"path": ..., "headers": {name: value, ...}, "body": text, "status": answered}. A post without
"Authorization: Bearer <token>" is answered 401; the others get the scripted statuses in turn, then 201.

Options:
  --cert FILE --key FILE   the server's certificate and key (PEM)
  --token TOKEN            the bearer token expected
  --requests FILE          where the JSON lines go
  --status CODE            the answer to the next authorised post (repeat for a sequence)
"""

import argparse
import json
import os
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--requests", required=True)
    parser.add_argument("--status", type=int, action="append", default=[])
    args = parser.parse_args()
    script = list(args.status)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            with lock:
                if self.headers.get("Authorization") != "Bearer " + args.token:
                    status = 401
                elif script:
                    status = script.pop(0)
                else:
                    status = 201
                record = {"path": self.path, "headers": dict(self.headers.items()), "body": body, "status": status}
                with open(args.requests, "a", encoding="utf-8") as f:
                    f.write(json.dumps(record) + "\n")
                    f.flush()
                    os.fsync(f.fileno())
            answer = json.dumps({"status": status}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format, *values):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print("READY %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
