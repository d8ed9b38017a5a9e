"""Runs schemathesis against a Một Lần server: without a token, then signed in as a sandbox
citizen who consented to every purpose (so the description's examples can be filed).

usage: run.py BASE_URL [--token] [extra schemathesis arguments]
Run by `cargo xtask test` with schemathesis installed in .tools/schemathesis.
"""
import base64
import hashlib
import json
import os
import secrets
import sys
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base: str, citizen: str) -> str:
    """The sandbox identity provider's authorization-code flow with PKCE, as the app does it."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = base + "/dang-nhap"
    form = urllib.parse.urlencode({
        "citizen": citizen, "client_id": "motlan-web", "redirect_uri": redirect,
        "code_challenge": challenge, "state": "st",
    }).encode()
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(urllib.request.Request(base + "/sandbox/idp/authorize", data=form))
        raise SystemExit("the sandbox sign-in did not redirect")
    except urllib.error.HTTPError as answer:
        location = answer.headers["Location"]
    code = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)["code"][0]
    token_form = urllib.parse.urlencode({
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
        "client_id": "motlan-web", "code_verifier": verifier,
    }).encode()
    with urllib.request.urlopen(urllib.request.Request(base + "/sandbox/idp/token", data=token_form)) as r:
        return json.load(r)["access_token"]


def consent_to_everything(base: str, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    with urllib.request.urlopen(urllib.request.Request(base + "/api/v1/consent-purposes", headers=headers)) as r:
        purposes = json.load(r)
    for p in purposes:
        body = json.dumps({"text_version": p["version"]}).encode()
        request = urllib.request.Request(
            base + f"/api/v1/me/consents/{p['purpose']}", data=body, headers=headers, method="PUT")
        urllib.request.urlopen(request).close()


def main() -> None:
    base = sys.argv[1].rstrip("/")
    rest = sys.argv[2:]
    arguments = ["st", "run", base + "/api/v1/openapi.json", "--url", base + "/api/v1"]
    if "--token" in rest:
        rest.remove("--token")
        token = sign_in(base, "lan")
        consent_to_everything(base, token)
        arguments += ["-H", f"Authorization: Bearer {token}"]
    here = os.path.dirname(os.path.abspath(__file__))
    sys.argv = arguments + rest
    os.chdir(here)  # schemathesis.toml is read from the working directory
    from schemathesis.cli import schemathesis
    schemathesis()


if __name__ == "__main__":
    main()
