#!/usr/bin/env python3
"""Signs in to a running Shelter through the real forms (antiforgery token, and the authenticator
code when the account has two-factor on) and writes the session cookies in wapiti's JSON format.

usage: signin.py BASE_URL EMAIL PASSWORD [AUTHENTICATOR_KEY] > cookies.json
"""
import base64, hashlib, hmac, http.cookiejar, json, re, struct, sys, time, urllib.parse, urllib.request

base, email, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
key = sys.argv[4] if len(sys.argv) > 4 else None
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)


def post(path, fields, page):
    html = opener.open(base + page).read().decode()
    data = urllib.parse.urlencode({**fields, "__RequestVerificationToken": token(html)}).encode()
    return opener.open(base + path, data)


def totp(secret):
    mac = hmac.new(base64.b32decode(secret), struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


answer = post("/Account/Login", {"Email": email, "Password": password}, "/Account/Login")
if "/Account/LoginWith2fa" in answer.geturl():
    if not key:
        sys.exit(f"{email} has two-factor on: pass its authenticator key")
    answer = post("/Account/LoginWith2fa", {"Code": totp(key)}, answer.geturl()[len(base):])
home = opener.open(base + "/")
if "/Account/" in home.geturl():
    sys.exit(f"sign-in as {email} failed: ended at {home.geturl()}")

host = urllib.parse.urlparse(base).hostname
cookies = {c.name: {"value": c.value, "expires": None, "secure": c.secure, "port": None, "version": 0} for c in jar}
json.dump({host: {"/": cookies}}, sys.stdout, indent=1)
