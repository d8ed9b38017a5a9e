// Signing in through the identity SANDBOX, consenting purpose by purpose, the data-use receipt,
// and signing out without leaving anything in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signIn(page, name) {
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().click();
  await page.getByRole('heading', { name: 'Chọn một công dân giả lập để đăng nhập' }).waitFor();
  await page.getByRole('button', { name: `Đăng nhập là ${name}` }).click();
  await page.getByText(`Đã đăng nhập: ${name}`).waitFor();
}

test('a citizen signs in through the sandbox and comes back to the page they left', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().click();
  await page.getByRole('heading', { name: 'Chọn một công dân giả lập để đăng nhập' }).waitFor();
  assert.match(await page.locator('body').textContent(), /SANDBOX/);
  await expectAccessible(page, 'the sandbox sign-in page');
  await screenshots(page, 'sandbox-sign-in');
  await page.getByRole('button', { name: 'Đăng nhập là Nguyễn Thị Lan' }).click();

  await page.getByText('Đã đăng nhập: Nguyễn Thị Lan').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/thu-tuc/1.001193');
  const stored = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }));
  assert.deepEqual(stored, { session: 0, local: 0 }, 'nothing is left in browser storage');
  assert.deepEqual(page.errors, []);
});

test('English survives signing in and a reload, and a first visit follows the browser', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
  const asked = page.waitForRequest((r) => r.url().includes('/sandbox/idp/authorize'));
  await page.getByRole('link', { name: 'Sign in with your electronic identity' }).first().click();
  assert.equal(new URL((await asked).url()).searchParams.get('ui_locales'), 'en', 'the provider is told');
  await page.getByRole('button', { name: 'Đăng nhập là Nguyễn Thị Lan' }).click();
  await page.getByText('Signed in: Nguyễn Thị Lan').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The server renders the page in the chosen language too: no Vietnamese flash before the app.
  const rendered = await (await page.request.get(BASE + '/thu-tuc/1.001193', { headers: { 'accept-language': 'vi-VN' } })).text();
  assert.match(rendered, /<html lang="en"/);
  assert.match(rendered, /<h1>Birth registration<\/h1>/);

  const context = await browser.newContext({ locale: 'en-GB' });
  const visitor = await context.newPage();
  await visitor.goto(BASE + '/');
  await visitor.getByRole('link', { name: 'Tiếng Việt' }).waitFor();
  await context.close();
  assert.deepEqual(page.errors, []);
});

test('consent is given purpose by purpose, each box unticked until the citizen ticks it', async () => {
  const page = await newPage(browser, 320);
  await page.goto(BASE + '/');
  await signIn(page, 'Phạm Quốc Huy');
  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cho phép sử dụng dữ liệu của bạn' }).waitFor();
  const boxes = page.getByRole('checkbox');
  await boxes.first().waitFor();
  assert.equal(await boxes.count(), 3);
  for (let i = 0; i < 3; i += 1) assert.equal(await boxes.nth(i).isChecked(), false);
  await expectAccessible(page, 'the consent page');
  await screenshots(page, 'consent');

  const identity = page.getByRole('checkbox', { name: /Thông tin cá nhân từ Cơ sở dữ liệu quốc gia về dân cư/ });
  await identity.check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();
  assert.equal(await identity.isChecked(), true);

  await page.getByRole('link', { name: 'Xem nhật ký sử dụng dữ liệu' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nhật ký sử dụng dữ liệu của bạn' }).waitFor();
  await page.getByText('Chưa có lần đọc dữ liệu nào.').waitFor();
  await expectAccessible(page, 'the data-use receipt');

  await page.getByRole('link', { name: 'Quản lý việc cho phép sử dụng dữ liệu' }).click();
  await identity.uncheck();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();
  assert.equal(await identity.isChecked(), false);
});

test('signing out, or closing the page, ends the session', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  await signIn(page, 'H\'Hen Niê');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().waitFor();

  await signIn(page, 'H\'Hen Niê');
  await page.reload();
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().waitFor();
  await page.goto(BASE + '/dong-y');
  await page.getByText('Bạn cần đăng nhập để xem trang này.').waitFor();
  await expectAccessible(page, 'the consent page when signed out');
});

test('signed in with consent, the procedure page says exactly which papers are held for this citizen', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await signIn(page, 'Nguyễn Thị Lan');
  // The link is there unless Lan already consented (the filing tests may have run first).
  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  const boxes = page.getByRole('checkbox');
  await boxes.first().waitFor();
  await page.getByRole('checkbox', { name: /Thông tin cá nhân/ }).check();
  await page.getByRole('checkbox', { name: /Hộ tịch và giấy chứng sinh/ }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();

  await page.goto(BASE + '/thu-tuc/1.001193');
  // A reload signs out: the token lives in memory only.
  await signIn(page, 'Nguyễn Thị Lan');
  const notice = page.locator('[data-document="birth_notice"]');
  await notice.getByText('Đã có: Giấy chứng sinh điện tử, Bệnh viện Phụ sản Hà Nội').waitFor();
  assert.match(await notice.textContent(), /Không phải nộp/);
  assert.match(await notice.textContent(), /87\/2020\/NĐ-CP/);
  assert.match(await page.locator('[data-document="identity_paper"]').textContent(), /Số định danh 001197004321|số định danh 001197004321/);
  assert.match(await page.locator('[data-document="declaration_form"]').textContent(), /tờ khai điện tử được tạo từ câu trả lời/);
  await expectAccessible(page, 'the procedure page with the citizen\'s own papers');
  await screenshots(page, 'procedure-signed-in');

  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await page.getByRole('link', { name: 'Xem nhật ký sử dụng dữ liệu' }).click();
  const rows = page.locator('table tbody tr');
  await rows.first().waitFor();
  assert.match(await page.locator('table').textContent(), /Giấy chứng sinh điện tử từ cơ sở y tế|cơ sở y tế/i);
  await expectAccessible(page, 'the data-use receipt with entries');
});
