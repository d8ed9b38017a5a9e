// The first journey through every layer: find a procedure, see its papers, and try to file it.
// Filing needs a signed-in citizen and a complete form (the server re-validates everything); until
// the app's sign-in and form journey land, an attempt is refused with the server's own message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a citizen finds birth registration without diacritics, sees which papers are not needed, and is asked to sign in', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).waitFor();
  await expectAccessible(page, 'the home page');
  await screenshots(page, 'home');

  await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
  await page.getByRole('heading', { name: '1 thủ tục' }).waitFor();
  await page.getByLabel('Tìm thủ tục').fill('xyzzy');
  await page.getByText('Không tìm thấy thủ tục nào cho “xyzzy”').waitFor();
  await expectAccessible(page, 'the home page with no results');
  await page.getByLabel('Tìm thủ tục').fill('khai sinh');
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();

  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  const identity = await page.locator('[data-document="identity_paper"]').textContent();
  assert.match(identity, /Thường không cần nộp/);
  assert.match(identity, /Cơ sở dữ liệu quốc gia về dân cư/);
  assert.match(identity, /104\/2022\/NĐ-CP/);
  assert.match(await page.locator('[data-document="authorisation"]').textContent(), /Có thể cần nộp/);
  await expectAccessible(page, 'the procedure page');
  await screenshots(page, 'procedure');

  const submitted = page.waitForResponse((r) => r.url().endsWith('/api/v1/dossiers') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const response = await submitted;
  assert.equal(response.status(), 401);
  assert.match(response.request().headers()['idempotency-key'], /^[0-9a-f]{32}$/);
  const alert = page.getByRole('alert');
  await alert.getByText('Chưa gửi được hồ sơ').waitFor();
  await alert.getByText(/cần đăng nhập bằng tài khoản định danh điện tử/).waitFor();
  await expectAccessible(page, 'the procedure page asking to sign in');
  await screenshots(page, 'sign-in-needed');

  const stored = await fetch(`${BASE}/api/v1/me/dossiers`);
  assert.equal(stored.status, 401, 'nobody can list dossiers without signing in');
});

test('a retry of a failed submission carries the same idempotency key', async () => {
  const page = await newPage(browser, 320);
  await page.goto(BASE + '/thu-tuc/1.001193');
  const keys = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/dossiers') && r.method() === 'POST') keys.push(r.headers()['idempotency-key']);
  });
  // The first answer never reaches the page.
  await page.route('**/api/v1/dossiers', (route) => route.abort('connectionreset'), { times: 1 });
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByRole('alert').getByText('Chưa gửi được hồ sơ').waitFor();
  await expectAccessible(page, 'the procedure page with a submission error');
  await screenshots(page, 'submit-error');
  const second = page.waitForResponse((r) => r.url().endsWith('/api/v1/dossiers'));
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await second;
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'one key per visit, so a retry can never file twice');
});

test('the language switch turns the interface to English and back', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByText('Papers to prepare').waitFor();
  await expectAccessible(page, 'the procedure page in English');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
});

test('a deep link survives a reload, and an unknown address says so in plain words', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();

  await page.goto(BASE + '/khong-co-trang-nay');
  await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
  await expectAccessible(page, 'the not-found page');

  await page.goto(BASE + '/thu-tuc/9.999999');
  await page.getByRole('alert').getByText('Không tìm thấy thủ tục này.').waitFor();
  await page.getByRole('button', { name: 'Thử lại' }).waitFor();
});

test('the whole slice works with the keyboard alone', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Chuyển đến nội dung chính');
  // Tab to the procedure link and open it with Enter.
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement.textContent)) === 'Đăng ký khai sinh') break;
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').getByText(/cần đăng nhập/).waitFor();
});
