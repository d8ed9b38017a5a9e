// The identity sandbox against a standard, certified OpenID relying-party library (npm's
// openid-client): discovery, the authorization code flow with PKCE, nonce and max_age, the ID
// token's signature checked against the JWKS (RS256 by default), auth_time, userinfo by GET and
// by POST. A client following the specifications must work with the sandbox unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';
import { BASE } from './support.mjs';

const REDIRECT = `${BASE}/dang-nhap`;

/** Submits the sandbox's sign-in form for `citizen` as a browser would; returns the redirect. */
async function chooseCitizen(authorizationUrl, citizen) {
  const page = await fetch(authorizationUrl);
  assert.equal(page.status, 200);
  const html = await page.text();
  const form = html.split('<form').find((f) => f.includes(`name="citizen" value="${citizen}"`));
  assert.ok(form, `the sign-in page offers ${citizen}`);
  const fields = new URLSearchParams();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.append(name, value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'"));
  }
  const answer = await fetch(new URL('/sandbox/idp/authorize', BASE), { method: 'POST', body: fields, redirect: 'manual' });
  assert.equal(answer.status, 303);
  return new URL(answer.headers.get('location'));
}

test('a standard OpenID client library signs in through the sandbox', async () => {
  const config = await client.discovery(new URL(`${BASE}/sandbox/idp`), 'motlan-web', undefined, client.None(), {
    execute: [client.allowInsecureRequests],
  });
  // Verify the ID token's signature with the provider's JWKS, not only the TLS channel.
  client.enableNonRepudiationChecks(config);
  const meta = config.serverMetadata();
  assert.ok(meta.id_token_signing_alg_values_supported.includes('RS256'), 'RS256 is offered');
  assert.match(meta.service_documentation, /^https?:\/\//);

  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    max_age: '600',
  });
  const callback = await chooseCitizen(authorizationUrl, 'lan');
  assert.equal(callback.origin + callback.pathname, REDIRECT);

  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    maxAge: 600,
  });
  const claims = tokens.claims();
  assert.equal(claims.sub, '001197004321');
  assert.equal(claims.aud, 'motlan-web');
  assert.equal(typeof claims.auth_time, 'number');
  const header = JSON.parse(Buffer.from(tokens.id_token.split('.')[0], 'base64url').toString());
  assert.equal(header.alg, 'RS256');

  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.equal(info.name, 'Nguyễn Thị Lan');
  const posted = await client.fetchProtectedResource(config, tokens.access_token, new URL(meta.userinfo_endpoint), 'POST');
  assert.equal(posted.status, 200);
  assert.equal((await posted.json()).sub, claims.sub);

  // The API accepts the ID token as the app sends it.
  const me = await fetch(`${BASE}/api/v1/me`, { headers: { authorization: `Bearer ${tokens.id_token}` } });
  assert.equal(me.status, 200);

  // The library rejects a replayed code with the OAuth error the sandbox answers.
  await assert.rejects(
    client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce }),
    (e) => e.error === 'invalid_grant',
  );
});
