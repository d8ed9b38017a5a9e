// Filing on a bad connection: a dossier filed while the connection is lost waits in an encrypted
// outbox (no personal data readable in any browser storage), and is sent exactly once with its
// original idempotency key when the connection returns; a refusal is shown and never retried;
// all of it without Background Sync; signing out with a dossier waiting warns first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, consentToEverything, expectAccessible, signIn, next, answerUntilCheck } from './support.mjs';

const OFFICER = process.env.MOTLAN_OFFICER_TOKEN;
const REQUEST = 'Xác nhận cư trú để nhập học cho con, lần';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Everything the page keeps in browser storage, as one text. */
async function storedEverywhere(page) {
  return page.evaluate(async () => {
    const parts = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const db of (await indexedDB.databases?.()) ?? []) parts.push(db.name ?? '');
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        parts.push(request.url, await response.text());
      }
    }
    return parts.join('\n');
  });
}

async function officerCount(keys) {
  const answer = await (await fetch(`${BASE}/api/v1/officer/dossiers?procedure=1.010041&limit=100`, {
    headers: { authorization: `Bearer ${OFFICER}` },
  })).json();
  return answer.items.length;
}

/** Fills a confirmation of residence up to the check page (a page load signs out: sign in). */
async function fillUntilCheck(page, n) {
  await page.goto(`${BASE}/thu-tuc/1.010041/khai/bat-dau`);
  await signIn(page, 'Nguyễn Thị Lan');
  await page.getByRole('heading', { level: 1, name: 'Thông tin Nhà nước đã có' }).waitFor();
  await next(page);
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Liên hệ') {
      const phone = page.getByLabel('Số điện thoại di động');
      if (!(await phone.inputValue())) await phone.fill('0912345678');
    }
    if (heading === 'Nội dung đề nghị') await page.getByLabel('Nội dung đề nghị').fill(`${REQUEST} ${n}`);
  });
}

test('dossiers filed offline wait encrypted, then reach the server exactly once each', async () => {
  assert.ok(OFFICER, 'MOTLAN_OFFICER_TOKEN is set by cargo xtask test');
  const page = await newPage(browser, 360);
  const context = page.context();
  // A browser without Background Sync: the page's own `online` event must do.
  await context.addInitScript(() => { delete window.SyncManager; });
  const before = await officerCount();
  const attempts = new Map();
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/dossiers') && r.method() === 'POST') {
      const key = r.headers()['idempotency-key'];
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
    }
  });
  const filed = new Map();
  page.on('response', (r) => {
    if (r.url().endsWith('/api/v1/dossiers') && r.request().method() === 'POST' && r.status() === 201) {
      const key = r.request().headers()['idempotency-key'];
      filed.set(key, (filed.get(key) ?? 0) + 1);
    }
  });

  await consentToEverything(page, 'Nguyễn Thị Lan');

  // The first dossier: the browser goes offline (DevTools) at "Nộp hồ sơ".
  await fillUntilCheck(page, 1);
  const blocked = (route) => route.abort('internetdisconnected');
  await page.route('**/api/v1/dossiers', blocked);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByTestId('queued').getByRole('heading', { name: 'Hồ sơ đang chờ gửi' }).waitFor();
  await expectAccessible(page, 'a dossier waiting to be sent');
  await context.setOffline(false);
  // Two more while the dossier endpoint stays unreachable.
  for (const n of [2, 3]) {
    await fillUntilCheck(page, n);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByTestId('queued').waitFor();
  }
  await page.getByRole('link', { name: /^Đang chờ gửi \(3\)$/ }).waitFor();

  // Nothing personal is readable in storage: no name, ID number, address or typed request.
  const stored = await storedEverywhere(page);
  for (const secret of ['Nguyễn Thị Lan', 'Nguyen Thi Lan', '001197004321', REQUEST, '0912345678']) {
    assert.ok(!stored.includes(secret), `storage holds ${secret}`);
  }
  assert.equal(await officerCount(), before, 'nothing reached the server yet');

  // The connection returns: each waiting dossier is sent once, with the key it was filed with.
  await context.setOffline(true);
  await page.unroute('**/api/v1/dossiers', blocked);
  await context.setOffline(false);
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('motlan.outbox.')), null, { timeout: 20000 });
  assert.equal(await officerCount(), before + 3);
  assert.equal(filed.size, 3, 'three keys filed');
  for (const [key, count] of filed) {
    assert.equal(count, 1, `key ${key} filed once`);
    assert.ok(attempts.get(key) >= 2, 'the key of the failed attempt is the one that filed');
  }
  await page.goto(BASE + '/ho-so-cho-gui');
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ đang chờ gửi' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a dossier the server refuses is shown and not sent again; signing out with it warns', async () => {
  const page = await newPage(browser, 360);
  const context = page.context();
  const attempts = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/dossiers') && r.method() === 'POST') attempts.push(r.headers()['idempotency-key']);
  });
  await fillUntilCheck(page, 4);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByTestId('queued').waitFor();
  // Back online, the office refuses it (a 422 with its reason).
  await page.route('**/api/v1/dossiers', (route) => route.fulfill({
    status: 422,
    contentType: 'application/json',
    body: JSON.stringify({ error: 'validation_failed', message: { vi: 'Hồ sơ không hợp lệ (thử nghiệm).', en: 'Not valid (test).' }, fields: [] }),
  }));
  await context.setOffline(false);
  await page.getByRole('link', { name: /^Đang chờ gửi \(1\)$/ }).click();
  await page.getByTestId('outbox-refused').getByText('Hồ sơ không hợp lệ (thử nghiệm).').waitFor();
  await expectAccessible(page, 'the outbox with a refused dossier');
  const sent = attempts.length;
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForTimeout(2500);
  assert.equal(attempts.length, sent, 'a refused dossier is not sent again');

  // Signing out with a dossier on the device warns first, then deletes it.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('alert').getByText(/Bạn còn 1 hồ sơ chưa gửi được/).waitFor();
  await page.getByRole('button', { name: 'Vẫn đăng xuất' }).click();
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motlan.outbox.')).length), 0);
  assert.deepEqual(page.errors, []);
});
