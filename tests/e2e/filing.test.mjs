// The whole filing journey against the real server: sign in, consent, confirm what national data
// holds, answer only what it does not, upload only what is missing, check, file, and follow the
// dossier (QR receipt, print, download, payment, supplement, rating). Every page and error state
// is checked with axe and photographed at 320 px and 1,280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots, signIn, next, answerUntilCheck } from './support.mjs';

const OFFICER = process.env.MOTLAN_OFFICER_TOKEN;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function consentToAll(page) {
  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await page.getByRole('checkbox').first().waitFor();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();
}

async function step(page, heading) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function officer(path, body) {
  const response = await fetch(`${BASE}/api/v1/officer/dossiers/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OFFICER}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  assert.ok(response.ok, `officer ${path}: ${response.status} ${await response.text()}`);
}

test('a mother registers her newborn: she confirms what national data holds, types the name, and files without uploading anything', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await signIn(page, 'Nguyễn Thị Lan');
  await consentToAll(page);
  await page.goto(BASE + '/thu-tuc/1.001193');
  await signIn(page, 'Nguyễn Thị Lan');
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).click();

  await step(page, 'Thông tin Nhà nước đã có');
  const known = await page.locator('main').textContent();
  assert.match(known, /Nguyễn Thị Lan/);
  assert.match(known, /001197004321/);
  assert.match(known, /Nguồn: Cơ sở dữ liệu quốc gia về dân cư/);
  assert.equal(await page.locator('main input[type=text]').count(), 0, 'nothing known is typed again');
  await page.getByText('Thông tin chưa đúng?').click();
  await page.getByText(/Công an cấp xã nơi bạn cư trú/).waitFor();
  await expectAccessible(page, 'the known-data step');
  await screenshots(page, 'filing-known');
  await next(page);

  await step(page, 'Quan hệ với trẻ');
  await page.getByLabel('Mẹ của trẻ').check();
  await next(page);

  await step(page, 'Tên của trẻ');
  await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Ngọc Anh 2');
  await next(page);
  const summary = page.getByRole('alert');
  await summary.getByText('Có vấn đề cần sửa').waitFor();
  await expectAccessible(page, 'a question page with an error');
  await screenshots(page, 'filing-error');
  assert.equal(await page.getByLabel('Họ, chữ đệm và tên của trẻ').inputValue(), 'Ngọc Anh 2', 'nothing typed is lost');
  await summary.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q-child-full_name');
  await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('  Trần   Ngọc Anh ');
  await next(page);

  // Every remaining page: answer what is asked, in the order asked.
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Giấy tờ') {
      assert.equal(await page.locator('input[type=file]').count(), 0, 'no file is requested');
      await expectAccessible(page, 'the documents step');
      await screenshots(page, 'filing-documents');
    }
  });
  await step(page, 'Kiểm tra thông tin trước khi nộp');
  const check = await page.locator('main').textContent();
  assert.match(check, /Trần Ngọc Anh/, 'the name as the server normalised it');
  assert.match(check, /Từ dữ liệu quốc gia/);
  await expectAccessible(page, 'check your answers');
  await screenshots(page, 'filing-check');

  const keys = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/dossiers') && r.method() === 'POST') keys.push(r.headers()['idempotency-key']);
  });
  // The first answer is lost on the way: the dossier waits (encrypted) and is sent again by
  // itself with the same key; the receipt follows.
  await page.route('**/api/v1/dossiers', (route) => route.abort('connectionreset'), { times: 1 });
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();

  const code = await page.getByTestId('dossier-code').textContent();
  assert.match(code, /^000\.00\.20\.H12-\d{6}-\d{4}$/);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'one key per filing, so a retry never files twice');
  assert.match(await page.getByTestId('appointment').textContent(), /^\d{2}\/\d{2}\/\d{4}$/);
  await page.locator('.qr svg').waitFor();
  assert.match(await page.locator('.qr').getAttribute('aria-label'), new RegExp(code.replace(/\./g, '\\.')));
  await expectAccessible(page, 'the confirmation');
  await screenshots(page, 'filing-confirmation');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải bản sao phiếu' }).click();
  assert.equal((await download).suggestedFilename(), `phieu-tiep-nhan-${code}.html`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header').isVisible(), false, 'the printed receipt has no site header');
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
  await page.getByRole('link', { name: code }).waitFor();
  await expectAccessible(page, 'my dossiers');
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motlan.draft.')));
  assert.deepEqual(drafts, [], 'the draft is gone once filed');

  await page.getByRole('link', { name: 'Một Lần' }).click();
  const popular = page.getByRole('region', { name: 'Thủ tục được nộp nhiều' });
  await popular.getByRole('link', { name: 'Đăng ký khai sinh' }).waitFor();
  assert.match(await popular.textContent(), /\d+ hồ sơ trong 30 ngày qua/);
  await expectAccessible(page, 'the home page with popular procedures');
  assert.deepEqual(page.errors, []);
});

test('a closed tab loses nothing: the encrypted draft comes back after signing in again, and is gone after sign-out', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'vi-VN' });
  let page = await context.newPage();
  await page.goto(BASE + '/thu-tuc/1.001193');
  await signIn(page, 'Trần Văn Minh');
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).click();
  await step(page, 'Thông tin người yêu cầu');
  await page.getByLabel('Họ, chữ đệm và tên').fill('Trần Văn Minh');
  await page.getByLabel('Số định danh cá nhân').fill('036094001234');
  await page.getByLabel('Ngày cấp thẻ căn cước').fill('01/07/2024');
  await page.getByLabel('Nơi cấp thẻ căn cước').fill('Bộ Công an');
  await next(page);
  await step(page, 'Nơi cư trú của bạn');
  const draft = () => Object.entries(localStorage).find(([k]) => k.startsWith('motlan.draft.'))?.[1] ?? null;
  await page.waitForFunction(draft);
  await page.waitForTimeout(200); // let the save of the page just opened finish
  const before = await page.evaluate(draft);
  await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('Số 12 ngõ 5 Đội Cấn');
  // Saved as the citizen types: the stored draft changes.
  await page.waitForFunction((previous) => {
    const now = Object.entries(localStorage).find(([k]) => k.startsWith('motlan.draft.'))?.[1];
    return now !== undefined && now !== previous;
  }, before);
  const stored = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('motlan.draft.'))[1]);
  assert.doesNotMatch(stored, /Bộ Công an|Đội Cấn|036094001234/, 'the draft is encrypted');
  await page.close();

  page = await context.newPage();
  await page.goto(BASE + '/thu-tuc/1.001193/khai/bat-dau');
  await page.getByRole('heading', { name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
  await expectAccessible(page, 'filing when signed out');
  await signIn(page, 'Trần Văn Minh');
  await step(page, 'Nơi cư trú của bạn');
  await page.getByText('Chúng tôi đã khôi phục bản nháp bạn đang làm dở.').waitFor();
  assert.equal(await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').inputValue(), 'Số 12 ngõ 5 Đội Cấn');
  await page.getByRole('link', { name: 'Quay lại' }).click();
  await step(page, 'Thông tin người yêu cầu');
  assert.equal(await page.getByLabel('Nơi cấp thẻ căn cước').inputValue(), 'Bộ Công an', 'back keeps every answer');
  await expectAccessible(page, 'a restored draft');
  await screenshots(page, 'filing-restored');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().waitFor();
  const left = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(left, { local: 0, session: 0 }, 'nothing is left on a shared device');
  await context.close();
});

test('a licence exchange with a fee: the portrait is uploaded with progress, the fee paid in the sandbox, a supplement answered, the service rated', async () => {
  assert.ok(OFFICER, 'MOTLAN_OFFICER_TOKEN is set by cargo xtask test');
  const page = await newPage(browser);
  await page.goto(BASE + '/thu-tuc/3.000347');
  await signIn(page, 'H\'Hen Niê');
  await consentToAll(page);
  await page.goto(BASE + '/thu-tuc/3.000347/khai/bat-dau');
  await signIn(page, 'H\'Hen Niê');
  await step(page, 'Thông tin Nhà nước đã có');
  await next(page);
  await step(page, 'Lý do đổi');
  await page.getByLabel('Sắp hết hạn (vẫn còn hạn)').check();
  await next(page);
  await step(page, 'Lời cam đoan');
  await page.getByRole('checkbox').check();
  await next(page);

  await step(page, 'Giấy tờ');
  // Every paper is held: none is asked for, but the citizen may still send their own copy.
  assert.equal(await page.locator('input[type=file]').count(), 0);
  await page.getByRole('button', { name: 'Vẫn muốn tải lên bản của bạn' }).first().click();
  const input = page.locator('input[type=file]').first();
  await input.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await page.getByText('Tệp này không phải PDF, JPG hoặc PNG. Hãy chọn tệp khác.').waitFor();
  await expectAccessible(page, 'an upload of the wrong type');
  await input.setInputFiles({ name: 'giay-kham-suc-khoe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% a scanned certificate\n') });
  await page.locator('.upload__name', { hasText: 'giay-kham-suc-khoe.pdf' }).waitFor();
  await next(page);

  await step(page, 'Kiểm tra thông tin trước khi nộp');
  assert.match(await page.locator('main').textContent(), /1 tệp đã tải lên/);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = await page.getByTestId('dossier-code').textContent();

  // A VietQR code any banking app reads, beside the sandbox button; the dossier code is the note.
  await page.locator('.fee-qr__code svg').waitFor();
  assert.match(await page.locator('.fee-qr').textContent(), new RegExp(`nội dung: ${code.replace(/\./g, '\\.')}`));
  await page.getByText('Mã thử nghiệm: tài khoản nhận là tài khoản giả lập. Đừng chuyển tiền thật.').waitFor();
  await page.getByRole('button', { name: /^Thanh toán .* \(thử nghiệm\)$/ }).click();
  await page.getByText(/^Đã thanh toán/).waitFor();

  await officer(`${code}/process`);
  await officer(`${code}/supplement-request`, {
    items: [{ kind: 'answer', id: 'reason' }],
    note: { vi: 'Vui lòng chọn lại lý do đổi giấy phép.', en: 'Please choose the reason again.' },
  });
  await page.reload();
  await signIn(page, 'H\'Hen Niê');
  const request = page.locator('section.supplement');
  await request.getByText('Vui lòng chọn lại lý do đổi giấy phép.').waitFor();
  assert.equal(await request.getByRole('radio').count(), 3, 'only the named item is reopened');
  assert.equal(await request.locator('input[type=text], input[type=file]').count(), 0);
  await expectAccessible(page, 'a supplement request');
  await screenshots(page, 'dossier-supplement');
  await request.getByLabel('Bị hỏng').check();
  await request.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await page.getByTestId('status').getByText('Đang giải quyết').waitFor();

  await officer(`${code}/result`, { title: 'Giấy phép lái xe hạng B', kind: 'driving_licence' });
  await page.reload();
  await signIn(page, 'H\'Hen Niê');
  await page.getByLabel('5: Rất hài lòng').check();
  await expectAccessible(page, 'the rating form');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByText('Bạn đã đánh giá 5/5. Cảm ơn bạn.').waitFor();
  const timeline = await page.locator('.timeline').textContent();
  assert.match(timeline, /Đã có kết quả/);
  assert.match(timeline, /Cần bổ sung/);
  await screenshots(page, 'dossier-result');
  assert.deepEqual(page.errors, []);
});

test('a temporary stay in Hà Nội: province and ward pickers, a missing upload, a file with progress, the keyboard alone', async () => {
  const page = await newPage(browser, 320);
  await page.goto(BASE + '/thu-tuc/1.004194/khai/bat-dau');
  await signIn(page, 'Lò Văn Pọn');
  await step(page, 'Người đăng ký');
  // Without consent nothing is read and everything is asked; the page says how to change that.
  await page.getByText(/Bạn chưa cho phép đọc dữ liệu định danh/).waitFor();
  await consentToAll(page);
  await page.goto(BASE + '/thu-tuc/1.004194/khai/bat-dau');
  await signIn(page, 'Lò Văn Pọn');
  await step(page, 'Thông tin Nhà nước đã có');
  await page.getByRole('button', { name: 'Thông tin đúng, tiếp tục' }).focus();
  await page.keyboard.press('Enter');
  await step(page, 'Liên hệ');
  await page.getByLabel('Số điện thoại di động').focus();
  await page.keyboard.type('+84 912 345 678');
  await page.keyboard.press('Enter');

  await step(page, 'Nơi đăng ký');
  await page.getByLabel('Tỉnh, thành phố').focus();
  await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Thành phố Hà Nội' });
  const ward = page.getByLabel('Phường, xã, đặc khu');
  await ward.locator('option', { hasText: 'Phường Ba Đình' }).waitFor({ state: 'attached' });
  await ward.selectOption({ label: 'Phường Ba Đình' });
  await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('Số 5 ngõ 10 Đội Cấn');
  await page.getByLabel('Nhà thuê, mượn, ở nhờ').check();
  await expectAccessible(page, 'the address pickers');
  await screenshots(page, 'filing-address');
  await next(page);

  await step(page, 'Chủ hộ');
  await page.getByLabel('Họ tên chủ hộ').fill('Nguyễn Văn Hùng');
  await page.getByLabel('Quan hệ của bạn với chủ hộ').fill('Người thuê nhà');
  await page.getByLabel('Số định danh cá nhân của chủ hộ').fill('001068001111');
  await page.getByLabel(/Chủ hộ, chủ sở hữu chỗ ở đã đồng ý/).check();
  await next(page);
  await step(page, 'Thời hạn tạm trú');
  await page.getByLabel('Tạm trú đến ngày').fill('31/12/2027');
  await next(page);
  await step(page, 'Người cùng đăng ký');
  await next(page);
  await step(page, 'Lời cam đoan');
  await page.getByRole('checkbox').check();
  await next(page);

  await step(page, 'Giấy tờ');
  await next(page);
  await page.getByRole('alert').getByText('Có vấn đề cần sửa').waitFor();
  await expectAccessible(page, 'the documents step with a missing upload');
  await screenshots(page, 'filing-upload-missing');
  await page.getByRole('alert').getByRole('link').first().click();
  const input = page.locator('#q-documents-lawful_accommodation');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q-documents-lawful_accommodation');
  // A slow upload shows its progress.
  await page.route('**/api/v1/attachments', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await input.setInputFiles({ name: 'hop-dong-thue-nha.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200000, 32)]) });
  await page.getByRole('progressbar').waitFor();
  await page.locator('.upload__name', { hasText: 'hop-dong-thue-nha.pdf' }).waitFor();
  await next(page);
  await step(page, 'Kiểm tra thông tin trước khi nộp');
  await page.getByText('Số 5 ngõ 10 Đội Cấn, Phường Ba Đình, Thành phố Hà Nội').waitFor();
  const check = await page.locator('main').textContent();
  assert.match(check, /0912345678/, 'the phone number as the server normalised it');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('dossier-code').waitFor();
  assert.deepEqual(page.errors, []);
});
