// A procedure's form embedded on an agency's own site (docs/embedding.md). A host page on
// http://localhost:8081, registered for birth registration only, embeds it with the two-line
// snippet; the citizen signs in through a popup and files, in a browser that blocks third-party
// cookies. Framing by an unregistered site, for another procedure, or of any other page is
// refused; messages go to the registered page only and carry no personal data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { BASE, launch, expectAccessible, screenshots } from './support.mjs';

const HOST = 'http://localhost:8081';
const STRANGER = 'http://localhost:8082';
let browser;
const servers = [];

function hostPage(body) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>UBND xã Demo</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><p>Cổng thông tin UBND xã Demo</p></header><main><h1>Dịch vụ công trực tuyến</h1>${body}</main>
<script>
  window.__steps = []; window.__filed = [];
  document.addEventListener('motlan:step', (e) => window.__steps.push(e.detail));
  document.addEventListener('motlan:filed', (e) => window.__filed.push(e.detail));
</script>
<script src="${BASE}/embed.js"></script></body></html>`;
}

const PAGES = {
  '/': hostPage('<mot-lan-form procedure="1.001193" lang="vi"></mot-lan-form>'),
  '/en': hostPage('<mot-lan-form procedure="1.001193" lang="en"></mot-lan-form>'),
  '/khac': hostPage('<mot-lan-form procedure="1.004194" lang="vi"></mot-lan-form>'),
  '/truc-tiep': hostPage(`<iframe title="Một Lần" src="${BASE}/thu-tuc/1.001193"></iframe>`),
};

function serve(port) {
  const server = createServer((request, response) => {
    const page = PAGES[new URL(request.url, 'http://x').pathname];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  });
  servers.push(server);
  // Both loopback addresses: the browser may resolve localhost to either.
  return new Promise((resolve) => server.listen({ port, host: '::', ipv6Only: false }, resolve));
}

/** Signs `citizen` in through the sandbox over HTTP and gives every consent, as the consent page would. */
async function consentAll(citizen) {
  const verifier = `verifier-${Date.now()}-${Math.random()}-for-the-embedding-test`;
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirect = `${BASE}/dang-nhap`;
  const form = (fields) => ({
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields),
  });
  const authorized = await fetch(`${BASE}/sandbox/idp/authorize`, form({
    citizen, client_id: 'motlan-web', redirect_uri: redirect, code_challenge: challenge, state: 'e2e',
  }));
  const code = new URL(authorized.headers.get('location')).searchParams.get('code');
  const tokens = await (await fetch(`${BASE}/sandbox/idp/token`, form({
    grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: 'motlan-web', code_verifier: verifier,
  }))).json();
  for (const text of await (await fetch(`${BASE}/api/v1/consent-purposes`)).json()) {
    const given = await fetch(`${BASE}/api/v1/me/consents/${text.purpose}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text_version: text.version }),
    });
    assert.equal(given.status, 200);
  }
}

before(async () => {
  await consentAll('lan');
  await serve(8081);
  await serve(8082);
  // Chromium with third-party cookies blocked, as browsers now ship.
  browser = await launch(['--test-third-party-cookie-phaseout']);
});
after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

/** A page whose every frame records the target origin of each postMessage it sends. */
async function spiedPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  await context.addInitScript(() => {
    // postMessage is the window's own property ([Global]), not Window.prototype's.
    const original = window.postMessage;
    window.__targets = [];
    window.postMessage = function (message, target, ...rest) {
      window.__targets.push(typeof target === 'string' ? target : target?.targetOrigin ?? '(none)');
      return original.call(this, message, target, ...rest);
    };
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

const frameHeight = (page) => page.locator('mot-lan-form iframe').evaluate((f) => f.getBoundingClientRect().height);

async function settledHeight(page, frame) {
  // The frame reports its height; the page sizes the iframe to it: no inner scrollbar.
  let last = -1;
  for (let i = 0; i < 40; i += 1) {
    const content = await frame.evaluate(() => Math.ceil(document.getElementById('motlan').getBoundingClientRect().height));
    const height = await frameHeight(page);
    if (Math.abs(height - content) <= 1 && height === last) return height;
    last = height;
    await page.waitForTimeout(100);
  }
  assert.fail(`the iframe (${last}px) never matched its content`);
}

test('an agency page embeds birth registration: sign-in through a popup, filing, the frame sized to its content', async () => {
  const page = await spiedPage();
  await page.goto(`${HOST}/`);
  const frame = page.frameLocator('mot-lan-form iframe');
  await frame.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  await frame.getByText('Dịch vụ của UBND xã Demo · cung cấp bởi Một Lần').waitFor();
  const inner = page.frames().find((f) => f.url().startsWith(`${BASE}/nhung/1.001193`));
  assert.ok(inner, 'the form is framed from /nhung/1.001193');
  assert.equal(await page.locator('mot-lan-form iframe').getAttribute('loading'), 'lazy');
  assert.match(await page.locator('mot-lan-form iframe').getAttribute('title'), /1\.001193/);
  assert.ok(await page.locator('mot-lan-form a[href$="/thu-tuc/1.001193"]').count(), 'a fallback link');
  const tall = await settledHeight(page, inner);
  await expectAccessible(page, 'the embedded procedure page');
  await screenshots(page, 'embed-procedure');

  // Narrow screens make the content, and so the frame, taller.
  await page.setViewportSize({ width: 320, height: 900 });
  const narrow = await settledHeight(page, inner);
  assert.ok(narrow > tall, `taller at 320 px (${narrow} > ${tall})`);
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await settledHeight(page, inner), tall, 'and shorter again when wide');

  // Forged or malformed messages from anyone but the frame change nothing.
  await page.evaluate(() => {
    window.postMessage({ type: 'motlan:height', v: 1, height: 7 }, '*');
    window.postMessage({ type: 'motlan:height', v: 1, height: 'much' }, '*');
    window.postMessage('motlan:height', '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await frameHeight(page), tall);

  await frame.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).click();
  await frame.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).click();
  const popup = await popupOpened;
  await frame.getByText(/Cửa sổ đăng nhập đã mở/).waitFor();
  await popup.getByRole('button', { name: 'Đăng nhập là Nguyễn Thị Lan' }).click();
  await frame.getByText('Đã đăng nhập: Nguyễn Thị Lan').waitFor();
  assert.ok(inner.url().startsWith(`${BASE}/nhung/1.001193/khai/`), inner.url());

  await frame.getByRole('heading', { level: 1, name: 'Thông tin Nhà nước đã có' }).waitFor();
  const heights = [await settledHeight(page, inner)];
  await expectAccessible(page, 'the embedded known-data step');
  const next = () => frame.getByRole('button', { name: /^(Tiếp tục|Thông tin đúng, tiếp tục)$/ }).click();
  await next();
  await frame.getByRole('heading', { level: 1, name: 'Quan hệ với trẻ' }).waitFor();
  heights.push(await settledHeight(page, inner));
  await frame.getByLabel('Mẹ của trẻ').check();
  await next();
  await frame.getByRole('heading', { level: 1, name: 'Tên của trẻ' }).waitFor();
  await frame.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Trần Bảo Châu');
  await next();
  for (let i = 0; i < 8; i += 1) {
    const heading = await frame.locator('h1').textContent();
    if (heading === 'Kiểm tra thông tin trước khi nộp') break;
    heights.push(await settledHeight(page, inner));
    for (const group of await frame.locator('main fieldset').all()) {
      if ((await group.getByRole('radio').count()) && !(await group.getByRole('radio', { checked: true }).count())) {
        await group.getByRole('radio').first().check();
      }
    }
    const copies = frame.getByLabel(/Số bản sao/);
    if (await copies.count()) await copies.fill('1');
    const declaration = frame.getByRole('checkbox');
    if (await declaration.count()) await declaration.check();
    const before = inner.url();
    await next();
    for (let j = 0; j < 50 && inner.url() === before; j += 1) await page.waitForTimeout(100);
    // The address changes first; wait for the next page itself before reading it.
    await inner.waitForFunction((previous) => document.querySelector('h1')?.textContent !== previous, heading);
  }
  await frame.getByRole('heading', { level: 1, name: 'Kiểm tra thông tin trước khi nộp' }).waitFor();
  heights.push(await settledHeight(page, inner));
  assert.ok(heights.some((h, i) => i > 0 && h > heights[i - 1]), `the frame grows (${heights})`);
  assert.ok(heights.some((h, i) => i > 0 && h < heights[i - 1]), `and shrinks (${heights})`);
  const audit = await expectAccessible(page, 'the embedded check page');
  const inFrame = audit.passes.flatMap((r) => r.nodes).filter((n) => n.target.length > 1);
  assert.ok(inFrame.length > 10, 'axe looked inside the frame too');
  await screenshots(page, 'embed-check');

  await frame.getByLabel('Chia sẻ mã hồ sơ với UBND xã Demo').check();
  await frame.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = await frame.getByTestId('dossier-code').textContent();
  assert.match(code, /^000\.00\.20\.H12-\d{6}-\d{4}$/);
  assert.ok(inner.url().startsWith(`${BASE}/nhung/1.001193/ho-so/`), inner.url());

  // The page heard the steps and the shared code, and nothing the citizen typed.
  const steps = await page.evaluate(() => window.__steps);
  assert.ok(steps.length >= 4 && steps.every((s) => Number.isInteger(s.step) && typeof s.title === 'string'));
  assert.deepEqual(await page.evaluate(() => window.__filed), [{ code }]);
  const hostHtml = await page.evaluate(() => document.documentElement.outerHTML);
  for (const personal of ['Nguyễn Thị Lan', '001197004321', 'Trần Bảo Châu', 'Bảo Châu']) {
    assert.ok(!hostHtml.includes(personal), `the agency page holds no ${personal}`);
  }
  const targets = await inner.evaluate(() => window.__targets);
  assert.ok(targets.length > 5, `the frame sent its messages (${targets.length})`);
  assert.deepEqual([...new Set(targets)], [HOST], 'to the registered page only, never "*"');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

async function refused(url, what) {
  const page = await spiedPage();
  const refusals = [];
  page.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refusals.push(m.text()); });
  await page.goto(url);
  for (let i = 0; i < 30 && !refusals.length; i += 1) await page.waitForTimeout(100);
  assert.ok(refusals.length, `the browser refuses to frame ${what}`);
  const framed = page.frames().filter((f) => f !== page.mainFrame());
  for (const f of framed) {
    assert.equal(await f.locator('#motlan h1').count(), 0, `nothing of ${what} is shown`);
  }
  await page.context().close();
}

test('the snippet asks for English and the frame speaks it', async () => {
  const page = await spiedPage(320);
  await page.goto(`${HOST}/en`);
  const frame = page.frameLocator('mot-lan-form iframe');
  await frame.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
  await frame.getByText('A service of Demo Commune · provided by Một Lần').waitFor();
  await frame.getByRole('link', { name: /Open this form on Một Lần/ }).waitFor();
  assert.match(await page.locator('mot-lan-form a').first().textContent(), /open it on Một Lần/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an unregistered site, another procedure and any other page cannot be framed', async () => {
  await refused(`${STRANGER}/`, 'the form on an unregistered site');
  await refused(`${HOST}/khac`, 'a procedure the site is not registered for');
  await refused(`${HOST}/truc-tiep`, 'a page that is not an embedded form');
});
