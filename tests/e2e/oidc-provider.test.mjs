// Signing in through an independent, certified OpenID provider (npm's oidc-provider, started here
// on a loopback port) instead of the sandbox: a second Một Lần server is configured with
// `--oidc-issuer`, learns the provider from its discovery document, and the web app signs in
// there (authorization code with PKCE, ID token signed ES256 and checked against the provider's
// JWKS) and files a dossier. Only loopback addresses are reached: anything else is aborted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { launch, newPage, next, answerUntilCheck } from './support.mjs';

const SERVER = process.env.MOTLAN_SERVER_BIN ?? 'target/debug/motlan-server';
// The provider's accounts: personal ID numbers of the sandbox population, as VNeID's subjects.
const ACCOUNTS = { '066190004567': "H'Hen Niê" };

let browser; let provider; let motlan; let scratch; let base;

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url) {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server configured with the provider did not start');
}

before(async () => {
  const [providerPort, motlanPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${providerPort}`;
  base = `http://127.0.0.1:${motlanPort}`;
  const key = (type, options, alg, kid) => ({
    ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }), alg, kid, use: 'sig',
  });
  const oidc = new Provider(issuer, {
    clients: [{
      client_id: 'motlan-web',
      token_endpoint_auth_method: 'none',
      redirect_uris: [`${base}/dang-nhap`],
      post_logout_redirect_uris: [`${base}/`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
    }],
    jwks: { keys: [key('rsa', { modulusLength: 2048 }, 'RS256', 'rsa-1'), key('ec', { namedCurve: 'P-256' }, 'ES256', 'ec-1')] },
    claims: { openid: ['sub'], profile: ['name'] },
    cookies: { keys: ['e2e-only-cookie-key'] },
    async findAccount(_ctx, id) {
      if (!ACCOUNTS[id]) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: ACCOUNTS[id] }) };
    },
  });
  provider = oidc.listen(providerPort, '127.0.0.1');

  scratch = mkdtempSync(join(tmpdir(), 'motlan-oidc-'));
  motlan = spawn(SERVER, [
    '--addr', `127.0.0.1:${motlanPort}`, '--static-dir', 'dist',
    '--database-url', `sqlite://${join(scratch, 'oidc.db')}`,
    '--agencies-file', join(scratch, 'none.toml'),
    '--oidc-issuer', issuer,
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForHealth(base);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  motlan?.kill('SIGTERM');
  provider?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Signs in at the provider: its login form the first time, its consent once; then back. */
async function signInAtProvider(page) {
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().click();
  const signedIn = page.getByText("Đã đăng nhập: H'Hen Niê");
  const login = page.locator('input[name=login]');
  const consent = page.getByRole('button', { name: 'Continue' });
  for (;;) {
    await login.or(consent).or(signedIn).first().waitFor();
    if (await signedIn.count()) return;
    if (await login.count()) {
      await login.fill('066190004567');
      await page.locator('input[name=password]').fill('e2e');
      await page.getByRole('button', { name: 'Sign-in' }).click();
    } else {
      await consent.click();
    }
    await page.waitForLoadState();
  }
}

test('the app signs in through an independent OpenID provider and files a dossier', async () => {
  const page = await newPage(browser, 360);
  const outside = [];
  await page.context().route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  const configuration = await (await fetch(`${base}/api/v1/identity-provider`)).json();
  assert.equal(configuration.sandbox, false);
  assert.match(configuration.authorization_endpoint, /^http:\/\/127\.0\.0\.1:\d+\/auth$/);

  await page.goto(base + '/thu-tuc/3.000348');
  await page.getByRole('heading', { level: 1, name: 'Cấp lại giấy phép lái xe' }).waitFor();
  const tokens = page.waitForResponse((r) => r.url() === configuration.token_endpoint && r.request().method() === 'POST');
  await signInAtProvider(page);
  const answer = await (await tokens).json();
  const header = JSON.parse(Buffer.from(answer.id_token.split('.')[0], 'base64url').toString());
  assert.equal(header.alg, 'ES256', 'the ID token is signed with the client\'s registered algorithm');

  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await page.getByRole('checkbox').first().waitFor();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();

  // A new page load: the token was in memory only. The provider remembers the citizen and her
  // consent, so signing in again is one redirect there and back.
  await page.goto(base + '/thu-tuc/3.000348/khai/bat-dau');
  await signInAtProvider(page);
  await page.getByRole('heading', { level: 1, name: 'Thông tin Nhà nước đã có' }).waitFor();
  assert.match(await page.locator('main').textContent(), /660198765432/);
  await next(page);
  await page.getByLabel('Bị mất').check();
  await next(page);
  await page.getByRole('heading', { level: 1, name: 'Lời cam đoan' }).waitFor();
  await answerUntilCheck(page);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  assert.match(await page.getByTestId('dossier-code').textContent(), /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  assert.deepEqual(page.errors, []);

  // Signing out ends the provider's session too: on a shared device the next person is asked
  // to sign in, not signed in as her.
  await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
  await page.getByRole('button', { name: /sign me out/i }).click();
  await page.waitForURL(`${base}/`);
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().click();
  await page.locator('input[name=login]').waitFor();
  // The provider's own pages ask for a web font; nothing else tried to leave the machine.
  assert.ok(outside.every((url) => url.startsWith('https://fonts.googleapis.com/')), outside.join(', '));
});
