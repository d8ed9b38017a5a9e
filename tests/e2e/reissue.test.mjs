// A lost driving licence re-issued (3.000348), the procedure an expired or lost licence needs since
// the exchange (3.000347) no longer takes them: everything is held, nothing is uploaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, signIn, next, answerUntilCheck } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a lost licence is re-issued with nothing to upload, the national portal linked from its page', async () => {
  const page = await newPage(browser, 360);
  await page.goto(BASE + '/thu-tuc/3.000348');
  await page.getByRole('heading', { level: 1, name: 'Cấp lại giấy phép lái xe' }).waitFor();
  assert.match(await page.getByRole('link', { name: /Cổng Dịch vụ công quốc gia/ }).getAttribute('href'), /^https:\/\/dichvucong\.gov\.vn\//);
  await signIn(page, 'H\'Hen Niê');
  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await page.getByRole('checkbox').first().waitFor();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();

  await page.goto(BASE + '/thu-tuc/3.000348/khai/bat-dau');
  await signIn(page, 'H\'Hen Niê');
  await page.getByRole('heading', { level: 1, name: 'Thông tin Nhà nước đã có' }).waitFor();
  // The licence comes from VNeID: its number is not typed again.
  assert.match(await page.locator('main').textContent(), /660198765432/);
  await next(page);
  await page.getByRole('heading', { level: 1, name: 'Lý do cấp lại' }).waitFor();
  await expectAccessible(page, 'the re-issue reason');
  await page.getByLabel('Bị mất').check();
  await next(page);
  await page.getByRole('heading', { level: 1, name: 'Lời cam đoan' }).waitFor();
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Giấy tờ') {
      assert.equal(await page.locator('input[type=file]').count(), 0, 'every paper is held');
    }
  });
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = await page.getByTestId('dossier-code').textContent();
  assert.match(code, /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  assert.deepEqual(page.errors, []);
});
