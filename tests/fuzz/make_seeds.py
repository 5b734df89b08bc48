#!/usr/bin/env python3
"""Writes the seed corpora in corpus/<target>/: inputs taken from the unit tests' fixtures.

Seeds that must be signed or sealed (ID tokens, session cookies) are made here with the same
fixed keys the targets use, so they stay valid. Rerun after changing a seed; the output is
deterministic. Needs python3-cryptography.
"""

import base64
import hashlib
import json
import re
import shutil
import struct
from pathlib import Path

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

# As in the targets (support/id_token_expectations.hpp, targets/session_cookie.cpp).
ISSUER = "http://127.0.0.1:9999"
CLIENT_ID = "nicecream-fuzz"
NONCE = "fuzz-nonce-1"
NOW = 1_800_000_000
FERNET_KEY = b"cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="
SESSION_COOKIE = "nicecream_history_session"


def fixed_private_keys():
    source = (HERE / "support" / "fixed_keys.cpp").read_text()
    pems = re.findall(r'R"\((-----BEGIN PRIVATE KEY-----.*?-----END PRIVATE KEY-----)', source,
                      re.S)
    rsa, ec_key = (serialization.load_pem_private_key(pem.encode(), None) for pem in pems)
    return rsa, ec_key


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_jwt(header, claims, rsa, ec_key):
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    data = signing_input.encode()
    if header.get("alg") == "RS256":
        signature = rsa.sign(data, padding.PKCS1v15(), hashes.SHA256())
    else:
        r, s = decode_dss_signature(ec_key.sign(data, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return f"{signing_input}.{b64url(signature)}"


def public_jwk(key, kid, alg):
    numbers = key.public_key().public_numbers()
    if alg == "RS256":
        n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
        e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
        return {"kid": kid, "alg": alg, "use": "sig", "kty": "RSA", "n": b64url(n), "e": b64url(e)}
    return {"kid": kid, "alg": alg, "use": "sig", "kty": "EC", "crv": "P-256",
            "x": b64url(numbers.x.to_bytes(32, "big")), "y": b64url(numbers.y.to_bytes(32, "big"))}


def good_claims(**changes):
    claims = {"iss": ISSUER, "aud": CLIENT_ID, "sub": "user-123", "nonce": NONCE,
              "iat": NOW - 10, "exp": NOW + 3600, "given_name": "Ada",
              "family_name": "Lovelace", "picture": "https://example.com/ada.png"}
    claims.update(changes)
    return {key: value for key, value in claims.items() if value is not None}


def seal(plaintext):
    iv = hashlib.sha256(plaintext).digest()[:16]
    return Fernet(FERNET_KEY)._encrypt_from_parts(plaintext, NOW - 60, iv).decode()


def icy_block(text):
    units = (len(text) + 15) // 16
    return bytes([units]) + text + b"\0" * (units * 16 - len(text))


def icy_stream_seed(metaint, chunk, blocks):
    stream = b""
    for text in blocks:
        stream += b"\xff" * metaint + icy_block(text)
    return struct.pack(">H", metaint - 1) + bytes([chunk - 1]) + stream + b"\xff" * metaint


def seeds():
    rsa, ec_key = fixed_private_keys()
    rsa_kid, ec_kid = "fuzz-rsa", "fuzz-ec"
    jwks = {"keys": [public_jwk(rsa, rsa_kid, "RS256"), public_jwk(ec_key, ec_kid, "ES256")]}
    rs_header = {"alg": "RS256", "kid": rsa_kid, "typ": "JWT"}
    es_header = {"alg": "ES256", "kid": ec_kid, "typ": "JWT"}
    two_mounts = json.dumps({"icestats": {"admin": "x", "source": [
        {"listenurl": "http://radio.example:8000/rock", "server_name": "Rock",
         "title": "AC/DC - Thunderstruck"},
        {"listenurl": "http://radio.example:8000/live?x=1", "server_name": "Live",
         "artist": "Muse", "title": "Uprising"}]}})
    azuracast = ('{"station":{"name":"Radio"},"now_playing":{"song":{"text":"Bonobo - Kerala",'
                 '"artist":"Bonobo","title":"Kerala"}},"playing_next":null}')
    pending_sign_in = seal(json.dumps({"state": "s", "issued_at": NOW}).encode())
    session = {"user_id": 42, "state": "state-value", "nonce": "nonce-value",
               "code_verifier": "v" * 43, "csrf_token": "csrf-value", "issued_at": NOW}

    return {
        "title_normaliser": [
            "Daft Punk - One More Time", "<b>Daft Punk</b> - <i>Around the World</i>",
            '<span class="x">Air</span><br/>Sexy Boy', "Muse <!-- live --> - Uprising",
            "I <3 Radio", "Unclosed <tag here", "Simon &amp; Garfunkel - The Boxer",
            "Guns N&#39; Roses - Don&#x27;t Cry", "Beyonc&eacute; &ndash; Halo",
            "Tom &amp;amp; Jerry", "AT&T - Jingle", "A&#0;B", "A&#xD800;B", "A&#x110000;B",
            "Sigur R\\u00f3s - Hopp\\u00edpolla", "Music \\uD83C\\uDFB5 Now", "Lone \\uD83C here",
            "Not \\u12 an escape", b"Beyonc\xe9 - Halo", b"Overlong \xc0\xaf slash",
            b"Surrogate \xed\xa0\x80 bytes", "  Daft\tPunk \r\n -   One\x01More&nbsp;Time  ",
            "<b>Unknown</b>", "unknown - unknown", "Station ID"],
        "voscast": [
            '({"songtitle":"Daft Punk - One More Time"})',
            'update_songtitle({"songtitle":"Air - Sexy Boy","listeners":3});\n',
            "document.write(({ 'songtitle' : 'Muse - Uprising' }));",
            'document.write("Bj\\u00f6rk - Joga");',
            '({"songtitle":"Guns N\\\' Roses \\"Live\\" \\/ Sigur R\\u00f3s \\uD83C\\uDFB5"})',
            '({"songtitle":"<a href=\\"x\\">Simon &amp; Garfunkel<\\/a> - Cecilia"})',
            '({"songtitle":null})', '({"songtitle":"never closed', "<html>Key not found</html>",
            '({"songtitle":"\\x41\\n\\t\\u0041"})'],
        "icecast_status": [
            "http://h:8000/status-json.xsl\n"
            '{"icestats":{"source":{"listenurl":"http://h:8000/a","title":"Air - Sexy Boy"}}}',
            "http://radio.example:8000/status-json.xsl\n" + two_mounts,
            "http://radio.example:8000/status-json.xsl#/live\n" + two_mounts,
            "http://radio.example:8000/status-json.xsl#Live\n" + two_mounts,
            'http://h/status-json.xsl\n{"icestats":{"source":{"artist":"Prince"}}}',
            'http://h/status-json.xsl\n{"icestats":{"source":{"title":1999}}}',
            'http://h/status-json.xsl\n{"icestats":{"source":[]}}',
            'http://h/status-json.xsl\n{"icestats":{"source":{"title":["a"]}}}'],
        "shoutcast_v1": [
            "<html><body>12,1,40,500,10,128,Crosby, Stills, Nash & Young - Ohio</body></html>",
            "<HTML><BODY>0,1,0,32,0,64,Title</BODY></HTML>", "0,1,0,32,0,64,Bare",
            "<html><body>0,0,0,32,0,64,</body></html>", "<html><body>Not found</body></html>",
            "a,b,c,d,e,f,title"],
        "shoutcast_v2": [
            "Daft Punk - Da Funk\n",
            '{"currentlisteners":3,"streamstatus":1,"songtitle":"Air - La Femme d\'Argent"}',
            '<?xml version="1.0"?><SHOUTCASTSERVER><CURRENTLISTENERS>1</CURRENTLISTENERS>'
            "<SONGTITLE>Portishead - Roads</SONGTITLE></SHOUTCASTSERVER>",
            '{"streamstatus":0}', "{broken", "<SHOUTCASTSERVER/>"],
        "icy_metadata": [
            "StreamTitle='Muse - Uprising';StreamUrl='http://x';",
            "StreamTitle='Guns N' Roses - Don't Cry';", b"StreamTitle='Air'\0\0\0",
            b"StreamTitle='Sigur R\xf3s - Hopp\xedpolla';", b"StreamTitle='Sigur R\xc3\xb3s';",
            "StreamTitle='';", "StreamUrl='x';", "StreamTitle='never closed"],
        "icy_stream": [
            icy_stream_seed(64, 200, [b"StreamTitle='First';", b"StreamTitle='Second';"]),
            icy_stream_seed(32, 7, [b"", b"StreamUrl='http://x';", b"StreamTitle='Third';"]),
            icy_stream_seed(16, 1, [b"", b"StreamTitle='Daft Punk - Aerodynamic';"]),
            icy_stream_seed(8, 3, [b"StreamTitle='Cut';"])[:3 + 8 + 1 + 5],
            icy_stream_seed(16, 16, [b"", b""])],
        "json_pointer": [
            "/now_playing/song/title\n" + azuracast, "\n" + azuracast, '\n{"songtitle":"X"}',
            '/tracks/0/a~1b\n{"tracks":[{"a/b":"First"}]}', "/playing_next\n" + azuracast,
            "now_playing\n" + azuracast, "/now_playing/song\n" + azuracast,
            '/a/-\n{"a":[1,2]}', '/a/01\n{"a":[1,2]}', '/~0~1~2\n{"~/":"x"}'],
        "read_title": [
            'voscast\nhttp://x/display.js\ntext/javascript\n\n\n'
            '({"songtitle":"<b>Simon &amp; Garfunkel<\\/b>"})',
            "shoutcast2\nhttp://x/currentsong\ntext/plain\n\n\nAdvertisement",
            "auto\nhttp://x/7.html\ntext/html\n\n\n"
            "<html><body>1,1,1,1,1,1,Air - Moon Safari</body></html>",
            'auto\nhttp://x/now\napplication/json\n\n\n{"now_playing":{"song":{"text":"A - B"}}}',
            b"auto\nhttp://x/stream\naudio/mpeg\n4\n\n\xff\xff\xff\xff\x01StreamTitle='C';",
            'json\nhttp://x/now\n\n\n/a/0\n{"a":["T"]}',
            "icy\nhttp://x/stream\naudio/mpeg\n\n\nxx",
            "auto\nhttp://x/\ntext/html\n\n\n<p>",
            "auto\nhttp://h:8000/status-json.xsl#/live\napplication/json\n\n\n" + two_mounts],
        "csrf": [
            "csrf-value\ncsrf-value", "csrf-value\nother", "\ncsrf-value", "csrf-value\n",
            "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6\nZm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6"],
        "session_cookie": [
            f"{SESSION_COOKIE}={seal(json.dumps(session).encode())}",
            f"other=x; {SESSION_COOKIE}={pending_sign_in}; "
            "nicecream_history_csrf=csrf-value",
            f'{SESSION_COOKIE}="{seal(b"{}")}"',
            "a=1; b=2;c=3", '  a = "quoted value" ;\tb=x ', "token=gAAAA==; x=a=b",
            ";;; ; =nameless; novalue; good=1; =", 'q="',
            f"{SESSION_COOKIE}=first; {SESSION_COOKIE}=second",
            json.dumps(session), '{"user_id": 3, "theme": "dark", "issued_at": 5}',
            '{"user_id": "42"}', '{"user_id": 0}', '{"issued_at": 99999999999999999}',
            '{"user_id": 18446744073709551615}', '{"user_id": 1.5}'],
        "jwks": [
            json.dumps(jwks), '{"keys": [1, "x", null]}', '{"keys": {}}', "[]",
            json.dumps({"keys": [dict(jwks["keys"][0], use="enc"),
                                 dict(jwks["keys"][1], crv="P-384"),
                                 dict(jwks["keys"][1], x="AQAB"),
                                 dict(jwks["keys"][0], e="AQAC"),
                                 {"kty": "oct", "k": "c2VjcmV0"}, {"kty": "OKP"}, {}]}),
            json.dumps({"keys": [dict(jwks["keys"][0], kid=""), dict(jwks["keys"][1], alg="")]})],
        "id_token": [
            sign_jwt(rs_header, good_claims(), rsa, ec_key),
            sign_jwt(es_header, good_claims(), rsa, ec_key),
            sign_jwt(es_header, good_claims(aud=[CLIENT_ID, "other"], azp=CLIENT_ID), rsa,
                     ec_key),
            sign_jwt(es_header, good_claims(exp=NOW - 3600), rsa, ec_key),
            sign_jwt(es_header, good_claims(nonce="other"), rsa, ec_key),
            sign_jwt({"alg": "none"}, good_claims(), rsa, ec_key).rsplit(".", 1)[0] + ".",
            sign_jwt({"alg": "HS256", "kid": rsa_kid}, good_claims(), rsa, ec_key),
            sign_jwt(dict(es_header, crit=["exp"]), good_claims(), rsa, ec_key),
            "x.y.z", "a.b", ""],
        "id_token_claims": [
            json.dumps(rs_header) + "\n" + json.dumps(good_claims()),
            json.dumps(es_header) + "\n" + json.dumps(good_claims()),
            json.dumps({"alg": "ES256"}) + "\n" + json.dumps(good_claims(
                given_name=None, family_name=None, name="Grace Brewster Hopper")),
            json.dumps(es_header) + "\n" + json.dumps(good_claims(
                given_name=None, family_name=None, email="ada@example.com", picture="ftp://x")),
            json.dumps(es_header) + "\n" + json.dumps(good_claims(
                aud=[CLIENT_ID, "b"], azp=None, nbf=NOW + 3600, iat=1.8e9 + 0.5)),
            json.dumps(es_header) + "\n" + json.dumps(good_claims(exp="tomorrow", sub="")),
            json.dumps(dict(rs_header, kid=7)) + "\n{}"],
        "provider_metadata": [
            "https://accounts.google.com\n" + json.dumps({
                "issuer": "https://accounts.google.com",
                "authorization_endpoint": "https://accounts.google.com/o/oauth2/v2/auth",
                "token_endpoint": "https://oauth2.googleapis.com/token",
                "jwks_uri": "https://www.googleapis.com/oauth2/v3/certs",
                "token_endpoint_auth_methods_supported": ["client_secret_post",
                                                          "client_secret_basic"]}),
            "http://127.0.0.1:4000\n" + json.dumps({
                "issuer": "http://127.0.0.1:4000",
                "authorization_endpoint": "http://127.0.0.1:4000/auth",
                "token_endpoint": "http://127.0.0.1:4000/token",
                "jwks_uri": "http://127.0.0.1:4000/jwks"}),
            "https://i.example\n" + json.dumps({
                "issuer": "https://i.example", "authorization_endpoint": "https://i.example/a",
                "jwks_uri": "https://i.example/k", "token_endpoint": "file:///etc/passwd"}),
            "https://i.example/\n{}"],
        "http_request": [
            "GET /history?channel_id=2&offset=50 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /history/events?channel_id=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Accept: text/event-stream\r\nLast-Event-ID: 100001\r\n\r\n",
            "POST /user/bookmarks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\nContent-Length: 13\r\n"
            "X-Csrf-Token: csrf-value\r\nCookie: nicecream_history_session=gAAAAA\r\n\r\n"
            '{"song_id":7}',
            "DELETE /user/bookmarks/12 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Csrf-Token: t\r\n\r\n",
            "GET /user/google/callback?state=abc&code=x%2Fy HTTP/1.1\r\nHost: h\r\n\r\n",
            "POST /user/bookmarks HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\n{\"son\r\n9\r\ng_id\":7}\r\n0\r\n\r\n",
            "GET /history?offset=%zz HTTP/1.1\r\n\r\n", "GET http://example.com/history HTTP/1.1\r\n\r\n",
            "GET /docs/a%20b.css HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "GET /history?channel_id=2&q=a%20b&flag HTTP/1.1\r\n\r\n"],
        "bookmark_body": [
            '{"song_id": 7}', '{"song_id": "7"}', '{"song_id": 0}', '{"song_id": 1.5}',
            '{"song_id": 9223372036854775808}', '{"song_id": 7, "extra": true}', "[7]", "{",
            '{"song_id": null}', '{"\\u00e9": 1}'],
        "last_event_id": [
            "0", "100001", "-1", "+5", " 5", "5 ", "1.5", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "007", ""],
    }


def main():
    for target, inputs in seeds().items():
        folder = CORPUS / target
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for index, seed in enumerate(inputs):
            data = seed if isinstance(seed, bytes) else seed.encode()
            (folder / f"seed-{index:02d}").write_bytes(data)
        print(f"{target}: {len(inputs)} seeds")


if __name__ == "__main__":
    main()
