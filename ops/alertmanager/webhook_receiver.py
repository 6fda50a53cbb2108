#!/usr/bin/env python3
"""A stand-in pager: Alertmanager's webhook receiver (ops/alertmanager/alertmanager.yml) that
appends every notification it is sent to a file, one JSON object a line:

  {"receivedAt": "2026-12-07T20:41:07.123Z", "path": "/page", "status": "firing",
   "alerts": [{"alertname": ..., "instance": ..., "severity": ..., "status": ..., "startsAt": ...,
               "endsAt": ...}], "notification": {... Alertmanager's whole body ...}}

Usage: webhook_receiver.py PORT FILE   (listens on 127.0.0.1; `scripts/monitoring up` starts it)"""
import json
import sys
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Lock

port, path = int(sys.argv[1]), sys.argv[2]
lock = Lock()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            notification = json.loads(body)
        except ValueError:
            self.send_error(400, "not JSON")
            return
        line = {"receivedAt": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "path": self.path, "status": notification.get("status"),
                "alerts": [{**alert.get("labels", {}), "status": alert.get("status"), "startsAt": alert.get("startsAt"),
                            "endsAt": alert.get("endsAt")} for alert in notification.get("alerts", [])],
                "notification": notification}
        with lock, open(path, "a") as f:
            f.write(json.dumps(line) + "\n")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):  # a health check for scripts/monitoring status
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
