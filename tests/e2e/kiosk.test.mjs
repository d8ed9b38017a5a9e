// A commune-owned kiosk for residents without a phone: registered by an officer, turned on with
// its device token, it warns 30 seconds before the idle limit with an "I need more time" button
// (WCAG 2.2.1), and at the limit signs out and wipes local storage, session storage, IndexedDB
// and caches; Back then shows nothing of the previous person. Time is moved with Playwright's
// clock, not waited for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots } from './support.mjs';

const OFFICER = process.env.MOTLAN_OFFICER_TOKEN;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a kiosk warns before the idle limit, gives more time, then wipes everything of the resident', async () => {
  const registered = await fetch(`${BASE}/api/v1/kiosks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OFFICER}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Máy 1, bộ phận một cửa', commune: 'Xã Mường Phăng' }),
  });
  assert.equal(registered.status, 201);
  const { token } = await registered.json();

  const page = await newPage(browser, 360);
  await page.clock.install();
  await page.goto(BASE + '/may-dung-chung');
  await page.getByRole('heading', { level: 1, name: 'Cài đặt máy dùng chung' }).waitFor();
  await page.getByRole('button', { name: 'Bật chế độ máy dùng chung' }).click();
  await page.getByRole('alert').getByText('Hãy nhập mã thiết bị.').waitFor();
  await page.getByLabel('Mã thiết bị').fill('kiosk-wrong');
  await page.getByRole('button', { name: 'Bật chế độ máy dùng chung' }).click();
  await page.getByRole('alert').getByText(/Mã thiết bị không đúng/).waitFor();
  await expectAccessible(page, 'the kiosk set-up with an error');
  await page.getByLabel('Mã thiết bị').fill(token);
  await page.getByRole('button', { name: 'Bật chế độ máy dùng chung' }).click();
  await page.getByText(/^Máy dùng chung của Xã Mường Phăng\./).waitFor();
  await expectAccessible(page, 'the kiosk home page');
  await screenshots(page, 'kiosk-home');

  // A resident signs in and starts typing; something lands in every kind of storage.
  await page.goto(BASE + '/thu-tuc/1.000656/khai/bat-dau');
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().click();
  await page.getByRole('button', { name: 'Đăng nhập là Lò Văn Pọn' }).click();
  await page.getByText('Đã đăng nhập: Lò Văn Pọn').waitFor();
  await page.evaluate(async () => {
    sessionStorage.setItem('probe', '1');
    document.cookie = 'motlan_lang=en; Path=/';
    await new Promise((resolve) => { const r = indexedDB.open('probe'); r.onsuccess = () => { r.result.close(); resolve(); }; });
    await caches.open('probe');
  });

  // 2 minutes 31 seconds idle: the warning, with the focus on its button.
  await page.clock.fastForward('02:31');
  const warning = page.getByRole('alertdialog', { name: 'Bạn còn đang dùng máy?' });
  await warning.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Tôi cần thêm thời gian');
  await expectAccessible(page, 'the kiosk idle warning');
  await screenshots(page, 'kiosk-warning');
  await page.getByRole('button', { name: 'Tôi cần thêm thời gian' }).click();
  await warning.waitFor({ state: 'detached' });
  await page.getByText('Đã đăng nhập: Lò Văn Pọn').waitFor();

  // Three idle minutes: signed out, everything wiped but the device's own token, back at the start.
  await page.clock.fastForward('03:01');
  await page.waitForURL(BASE + '/');
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().waitFor();
  const left = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    cookies: document.cookie,
  }));
  assert.deepEqual(left, { local: ['motlan.kiosk'], session: 0, databases: [], caches: [], cookies: '' });
  // Back passes the identity provider's page, then reaches the form: signed out, nothing typed.
  await page.goBack();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
  assert.doesNotMatch(await page.locator('body').innerText(), /Đã đăng nhập|Lò Văn Pọn/, 'Back shows nothing of the previous person');
  assert.deepEqual(page.errors, []);
});

test('a kiosk whose browser saves data still runs its guard on the public pages', async () => {
  const registered = await fetch(`${BASE}/api/v1/kiosks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OFFICER}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Máy 2', commune: 'Xã Mường Phăng' }),
  });
  const { token } = await registered.json();
  const context = await browser.newContext({ extraHTTPHeaders: { 'save-data': 'on' }, locale: 'vi-VN' });
  await context.addInitScript((t) => localStorage.setItem('motlan.kiosk', t), token);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The server sends the page without the app's fetches ahead (data-lite); the loader still
  // starts the app on a kiosk, which takes the device over with its guard.
  const response = await page.goto(`${BASE}/thu-tuc/1.001193`);
  assert.match(await response.text(), /<html data-lite/);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  await page.getByText(/^Máy dùng chung của Xã Mường Phăng\./).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
