"""A stand-in for a deployed FileBridge, answering the routes scripts/smoke.sh asks as README.md says
("HTTP API", "Signing in"): the password answers 202 {"next": NEXT, ...} with __Host-fb_pending, and
POST /api/auth/second-factor with the right code answers 200 with __Host-fb_session.

Usage: python3 filebridge_standin.py PASSWORD CODE NEXT   (NEXT: second-factor, change-password, enroll or none;
       lockdown: a static web app host behind the edge's lockdown, which answers 403 to everything)
Prints the port it listens on (loopback), then serves until killed. Each request's method, path and the
names of the JSON members it sent are appended to the file named by STANDIN_LOG (never their values).
With STANDIN_USERS naming a file, only the accounts listed there exist, one a line as "name" or "name NEXT"
(what `filebridge-admin users add` made); without it any name signs in with PASSWORD.
"""
import http.server
import json
import os
import secrets
import sys

PASSWORD, CODE, NEXT = sys.argv[1], sys.argv[2], sys.argv[3]
PENDING = secrets.token_urlsafe(16)
SESSION = secrets.token_urlsafe(16)
LOG = os.environ.get("STANDIN_LOG")
USERS = os.environ.get("STANDIN_USERS")


def account(name):
    """The next step of an existing account, or None when no account has that name."""
    if not USERS:
        return NEXT
    if not os.path.exists(USERS):
        return None
    with open(USERS, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == name:
                return parts[1] if len(parts) > 1 else NEXT
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def record(self, body):
        if LOG:
            with open(LOG, "a", encoding="utf-8") as log:
                log.write(f"{self.command} {self.path} {sorted(body) if isinstance(body, dict) else ''}\n")

    def answer(self, status, body=None, headers=()):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def cookie(self, name):
        for part in self.headers.get("Cookie", "").split(";"):
            key, _, value = part.strip().partition("=")
            if key == name:
                return value
        return None

    def do_GET(self):
        self.record(None)
        if NEXT == "lockdown":
            return self.answer(403, None)
        path = self.path.split("?")[0]
        if path == "/api/health":
            return self.answer(200, {"status": "ok"})
        if path == "/api/health/ready":
            return self.answer(200, {"status": "ready", "checks": {"users": "ok", "sts": "ok", "s3:demo": "ok"}})
        if path.startswith("/object/"):
            return self.answer(206, {"part": 0})
        if self.cookie("__Host-fb_session") != SESSION:
            return self.answer(401, {"code": "unauthenticated"})
        if path == "/api/files":
            return self.answer(200, {"prefix": "", "folders": [], "nextCursor": None,
                                     "files": [{"key": "README.txt", "name": "README.txt", "size": 5, "lastModified": "2026-12-01T00:00:00Z"}]})
        if path == "/api/files/download":
            port = self.server.server_address[1]
            return self.answer(302, headers=[("Location", f"http://127.0.0.1:{port}/object/README.txt")])
        return self.answer(404, {"code": "not_found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else {}
        self.record(body)
        if NEXT == "lockdown":
            return self.answer(403, None)
        if self.path == "/api/auth/login":
            next_step = account(body.get("username"))
            if body.get("password") != PASSWORD or next_step is None:
                return self.answer(401, {"code": "invalid_credentials"})
            pending = ("Set-Cookie", f"__Host-fb_pending={PENDING}; Path=/; Secure; HttpOnly; SameSite=Strict")
            session = ("Set-Cookie", f"__Host-fb_session={SESSION}; Path=/; Secure; HttpOnly; SameSite=Strict")
            if next_step == "none":
                return self.answer(200, {"user": {"id": body["username"], "displayName": "Smoke"}, "expiresAt": "2026-12-03T18:00:00Z"}, [session])
            answer = {"next": next_step, "expiresAt": "2026-12-03T10:05:00Z"}
            if next_step != "change-password":
                answer["methods"] = ["totp", "recovery"] if next_step == "second-factor" else ["passkey", "totp"]
            return self.answer(202, answer, [pending])
        if self.path == "/api/auth/second-factor":
            if self.cookie("__Host-fb_pending") != PENDING:
                return self.answer(401, {"code": "step_expired"})
            if body.get("method") != "totp" or body.get("code") != CODE:
                return self.answer(401, {"code": "invalid_code"})
            return self.answer(200, {"user": {"id": "smoker", "displayName": "Smoke"}, "expiresAt": "2026-12-03T18:00:00Z"},
                               [("Set-Cookie", f"__Host-fb_session={SESSION}; Path=/; Secure; HttpOnly; SameSite=Strict"),
                                ("Set-Cookie", "__Host-fb_pending=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0")])
        if self.path == "/api/auth/logout":
            return self.answer(204)
        return self.answer(404, {"code": "not_found"})


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
