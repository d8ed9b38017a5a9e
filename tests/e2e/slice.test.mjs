// The first journey through every layer: find a procedure, see its papers, file it, get a code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots } from './support.mjs';

const CODE = /^000\.00\.20\.H12-\d{6}-\d{4,}$/;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a citizen finds birth registration without diacritics, sees which papers are not needed, and files it', async () => {
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
  const request = (await submitted).request();
  assert.match(request.headers()['idempotency-key'], /^[0-9a-f]{32}$/);

  const code = (await page.getByTestId('dossier-code').textContent()).trim();
  assert.match(code, CODE);
  await page.getByRole('heading', { name: 'Đã nhận hồ sơ' }).waitFor();
  await expectAccessible(page, 'the confirmation page');
  await screenshots(page, 'confirmation');

  const stored = await fetch(`${BASE}/api/v1/dossiers/${code}`);
  assert.equal(stored.status, 200);
  assert.equal((await stored.json()).procedure_code, '1.001193');
  assert.deepEqual(page.errors, []);
});

test('when the answer to a submission is lost, trying again gives the same dossier, not a second one', async () => {
  const page = await newPage(browser, 320);
  await page.goto(BASE + '/thu-tuc/1.001193');
  // The server receives and stores the first submission, but its answer never reaches the page.
  let firstAnswer;
  await page.route('**/api/v1/dossiers', async (route) => {
    const response = await route.fetch();
    firstAnswer = await response.json();
    await route.abort('connectionreset');
  }, { times: 1 });
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText('Chưa gửi được hồ sơ').waitFor();
  await expectAccessible(page, 'the procedure page with a submission error');
  await screenshots(page, 'submit-error');

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = (await page.getByTestId('dossier-code').textContent()).trim();
  assert.match(firstAnswer.code, CODE);
  assert.equal(code, firstAnswer.code, 'the retry was answered with the first dossier');
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
  assert.match((await page.getByTestId('dossier-code').textContent()).trim(), CODE);
});
