#!/usr/bin/env python3
"""Web Push service emulator: what a browser vendor's push service does with our messages.

    python3 emulator.py --port 0

prints the port it listens on (127.0.0.1 only) as its first line. It plays both the browser and
its push service, so the keys a subscription needs never leave it:

    POST /subscriptions            creates a subscription (a P-256 key pair and an auth secret of
                                   its own) and answers the browser's PushSubscription JSON:
                                   {"endpoint": "http://127.0.0.1:PORT/push/<id>",
                                    "expirationTime": null, "keys": {"p256dh", "auth"}}
    POST /push/<id>                a push message (RFC 8030): the VAPID Authorization header is
                                   checked (RFC 8292: ES256 signature by the k= key, aud = this
                                   server's origin, exp in the future and at most 24 h ahead, sub
                                   a mailto: or https: URL), TTL must be there, the body is
                                   decrypted with the subscription's keys (RFC 8291, aes128gcm).
                                   Good messages are recorded and answered 201, bad ones recorded
                                   as rejected and answered 400; unknown ids answer 404.
    POST /control/<id>             {"answers": [500, 201], "retry_after": 1}: the statuses to give
                                   the next requests for that subscription, in order (then 201);
                                   retry_after, when set, goes out with every 429 and 5xx.
    GET  /control/<id>             {"attempts": n, "messages": [{"payload", "claims", "ttl",
                                   "urgency", "status"}], "rejected": [{"reason", ...}]}

A message answered with a scripted error status is still checked and decrypted, and listed with
that status; only those answered 201 count as delivered.
"""

import argparse
import base64
import http.server
import json
import re
import secrets
import sys
import threading
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAX_BODY = 8192
MAX_VAPID_LIFETIME = 24 * 3600


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hkdf(salt, ikm, info, length):
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def uncompressed(public_key):
    return public_key.public_bytes(serialization.Encoding.X962,
                                   serialization.PublicFormat.UncompressedPoint)


class Rejected(Exception):
    pass


class Subscription:
    def __init__(self, sub_id):
        self.id = sub_id
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.public_raw = uncompressed(self.private_key.public_key())
        self.auth = secrets.token_bytes(16)
        self.answers = []
        self.retry_after = None
        self.attempts = 0
        self.messages = []
        self.rejected = []

    def decrypt(self, body):
        """RFC 8291 §3.4 and RFC 8188: one aes128gcm record."""
        if len(body) < 21 + 65 + 17:
            raise Rejected("body too short for aes128gcm")
        salt, record_size, id_length = body[:16], int.from_bytes(body[16:20], "big"), body[20]
        if id_length != 65:
            raise Rejected("keyid is not a P-256 point")
        sender_raw = body[21:21 + 65]
        ciphertext = body[21 + 65:]
        if record_size < 18 or len(ciphertext) > record_size:
            raise Rejected("record size %d does not hold the message" % record_size)
        sender = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), sender_raw)
        shared = self.private_key.exchange(ec.ECDH(), sender)
        ikm = hkdf(self.auth, shared, b"WebPush: info\0" + self.public_raw + sender_raw, 32)
        key = hkdf(salt, ikm, b"Content-Encoding: aes128gcm\0", 16)
        nonce = hkdf(salt, ikm, b"Content-Encoding: nonce\0", 12)
        try:
            padded = AESGCM(key).decrypt(nonce, ciphertext, None)
        except Exception as error:  # InvalidTag
            raise Rejected("cannot decrypt: %r" % error)
        text = padded.rstrip(b"\0")
        if not text.endswith(b"\x02"):
            raise Rejected("no last-record padding delimiter")
        return text[:-1].decode()


def check_vapid(authorization, origin):
    """RFC 8292 §3: vapid t=<jwt>, k=<key>; returns the JWT's claims."""
    match = re.fullmatch(r"vapid t=([A-Za-z0-9_\-.]+), ?k=([A-Za-z0-9_\-]+)", authorization or "")
    if not match:
        raise Rejected("Authorization is not 'vapid t=..., k=...': %r" % authorization)
    token, key_text = match.groups()
    parts = token.split(".")
    if len(parts) != 3:
        raise Rejected("the JWT has %d parts" % len(parts))
    header = json.loads(b64url_decode(parts[0]))
    claims = json.loads(b64url_decode(parts[1]))
    signature = b64url_decode(parts[2])
    if header.get("alg") != "ES256":
        raise Rejected("alg is %r, not ES256" % header.get("alg"))
    if len(signature) != 64:
        raise Rejected("the signature is %d bytes, not raw r||s (64)" % len(signature))
    public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(key_text))
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"),
                               int.from_bytes(signature[32:], "big"))
    try:
        public_key.verify(der, (parts[0] + "." + parts[1]).encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise Rejected("the JWT's signature does not verify with k")
    if claims.get("aud") != origin:
        raise Rejected("aud is %r, not %r" % (claims.get("aud"), origin))
    now = time.time()
    exp = claims.get("exp")
    if not isinstance(exp, int) or exp <= now or exp > now + MAX_VAPID_LIFETIME:
        raise Rejected("exp %r is not within the next 24 hours" % exp)
    sub = claims.get("sub", "")
    if not (sub.startswith("mailto:") or sub.startswith("https:")):
        raise Rejected("sub %r is neither mailto: nor https:" % sub)
    return claims, key_text


class Service:
    def __init__(self):
        self.lock = threading.Lock()
        self.subscriptions = {}
        self.origin = ""

    def create(self):
        with self.lock:
            sub_id = secrets.token_hex(8)
            subscription = Subscription(sub_id)
            self.subscriptions[sub_id] = subscription
            return subscription

    def find(self, sub_id):
        with self.lock:
            return self.subscriptions.get(sub_id)


service = Service()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, document=None, headers=None):
        body = json.dumps(document).encode() if document is not None else b""
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise Rejected("body of %d bytes" % length)
        return self.rfile.read(length)

    def do_GET(self):
        match = re.fullmatch(r"/control/([0-9a-f]+)", self.path)
        subscription = service.find(match.group(1)) if match else None
        if subscription is None:
            return self.answer(404, {"detail": "no such subscription"})
        with service.lock:
            self.answer(200, {"attempts": subscription.attempts,
                              "messages": list(subscription.messages),
                              "rejected": list(subscription.rejected)})

    def do_POST(self):
        if self.path == "/subscriptions":
            self.body()
            subscription = service.create()
            return self.answer(201, {
                "endpoint": "%s/push/%s" % (service.origin, subscription.id),
                "expirationTime": None,
                "keys": {"p256dh": b64url(subscription.public_raw), "auth": b64url(subscription.auth)},
            })
        match = re.fullmatch(r"/(control|push)/([0-9a-f]+)", self.path)
        subscription = service.find(match.group(2)) if match else None
        if subscription is None:
            self.body()
            return self.answer(404, {"detail": "no such subscription"})
        if match.group(1) == "control":
            orders = json.loads(self.body() or b"{}")
            with service.lock:
                subscription.answers = [int(status) for status in orders.get("answers", [])]
                subscription.retry_after = orders.get("retry_after")
            return self.answer(200, {})
        self.push(subscription)

    def push(self, subscription):
        with service.lock:
            subscription.attempts += 1
            status = subscription.answers.pop(0) if subscription.answers else 201
            retry_after = subscription.retry_after
        try:
            body = self.body()
            if self.headers.get("Content-Encoding") != "aes128gcm":
                raise Rejected("Content-Encoding is %r" % self.headers.get("Content-Encoding"))
            ttl = self.headers.get("TTL")
            if ttl is None or not ttl.isdigit():
                raise Rejected("TTL is %r" % ttl)
            claims, key = check_vapid(self.headers.get("Authorization"), service.origin)
            payload = subscription.decrypt(body)
        except Rejected as error:
            with service.lock:
                subscription.rejected.append({"reason": str(error)})
            return self.answer(400, {"detail": str(error)})
        with service.lock:
            subscription.messages.append({"payload": payload, "claims": claims, "key": key,
                                          "ttl": int(ttl), "urgency": self.headers.get("Urgency"),
                                          "status": status})
        headers = {}
        if retry_after is not None and (status == 429 or status >= 500):
            headers["Retry-After"] = str(retry_after)
        if status == 201:
            headers["Location"] = "%s/message/%d" % (service.origin, subscription.attempts)
        self.answer(status, {} if status >= 400 else None, headers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
    server.daemon_threads = True
    port = server.server_address[1]
    service.origin = "http://127.0.0.1:%d" % port
    print(port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
