// The public part of the app: find a procedure, see its papers, the way into filing (which asks
// to sign in first), languages, deep links and the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a citizen finds birth registration without diacritics, sees which papers are not needed, and is asked to sign in', async () => {
  const page = await newPage(browser);
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(BASE + '/');
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().waitFor();
  assert.ok(loaded.some((p) => p.endsWith('_bg.wasm')), 'the first load');
  assert.ok(!loaded.some((p) => /\/(split|chunk)_/.test(p)), 'no part loaded on demand is part of the first load');
  await expectAccessible(page, 'the home page');
  await screenshots(page, 'home');

  await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
  // The whole national catalog is searched: the form here comes first.
  await page.getByRole('heading', { name: /^\d+ thủ tục$/ }).waitFor();
  assert.equal(await page.locator('.procedure-item__link').first().textContent(), 'Đăng ký khai sinh');
  await page.getByLabel('Tìm thủ tục').fill('xyzzy');
  await page.getByText('Không tìm thấy thủ tục nào cho “xyzzy”').waitFor();
  await expectAccessible(page, 'the home page with no results');
  await page.getByLabel('Tìm thủ tục').fill('khai sinh');
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();

  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  const identity = await page.locator('[data-document="identity_paper"]').textContent();
  assert.match(identity, /Thường không cần nộp/);
  assert.match(identity, /Cơ sở dữ liệu quốc gia về dân cư/);
  assert.match(identity, /104\/2022\/NĐ-CP/);
  assert.match(await page.locator('[data-document="authorisation"]').textContent(), /Có thể cần nộp/);
  await expectAccessible(page, 'the procedure page');
  await screenshots(page, 'procedure');

  // A filing is likely next: its part is fetched ahead while the citizen reads.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_filing.wasm')));
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
  assert.ok(!loaded.some((p) => p.endsWith('/split_dossiers.wasm')), 'only the part a page needs is loaded');
  await expectAccessible(page, 'filing, asking to sign in');
  await screenshots(page, 'sign-in-needed');

  const stored = await fetch(`${BASE}/api/v1/me/dossiers`);
  assert.equal(stored.status, 401, 'nobody can list dossiers without signing in');
});

test('the language switch turns the interface to English and back', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByText('Papers to prepare').waitFor();
  await expectAccessible(page, 'the procedure page in English');
  await page.getByRole('link', { name: 'Tiếng Việt' }).click();
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
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Chuyển đến nội dung chính');
  // Tab to the procedure link and open it with Enter.
  for (let i = 0; i < 10; i += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement.textContent)) === 'Đăng ký khai sinh') break;
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
});
