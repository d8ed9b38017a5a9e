// Most-filed procedures added with full forms: re-issuing a lost căn cước card (1.014064) and a
// confirmation of residence (1.010041), where everything the police need is in the national
// population and residence databases (nothing typed twice, nothing uploaded); a lost passport
// replaced (1.001456); a family's household business registered (1.001612), where only the
// family's notarised authorisation is uploaded; a new motorbike registered (1.012575), its papers
// read from the inspection and tax databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, consentToEverything, expectAccessible, signIn, next, answerUntilCheck } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Signs in as `name`, consents to every purpose, and starts filing `code`. */
async function startFiling(page, name, code) {
  await consentToEverything(page, name);
  await page.goto(`${BASE}/thu-tuc/${code}/khai/bat-dau`);
  await signIn(page, name);
  await page.getByRole('heading', { level: 1, name: 'Thông tin Nhà nước đã có' }).waitFor();
}

/** Fills the phone if the account has none. */
async function phoneIfEmpty(page) {
  const phone = page.getByLabel('Số điện thoại di động');
  if (await phone.count() && !(await phone.inputValue())) await phone.fill('0912345678');
}

test('a lost căn cước card is re-issued with nothing typed twice and nothing uploaded', async () => {
  const page = await newPage(browser, 360);
  await startFiling(page, 'Trần Văn Minh', '1.014064');
  // The identity comes from the population database: the ID number is shown, not asked.
  assert.match(await page.locator('main').textContent(), /036094001234/);
  await next(page);
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Liên hệ') await phoneIfEmpty(page);
    if (heading === 'Lý do cấp lại') {
      await expectAccessible(page, 'the re-issue reason');
      await page.getByLabel('Bị mất thẻ').check();
      await page.getByLabel(/^Qua bưu điện/).check();
    }
    if (heading === 'Giấy tờ') {
      assert.equal(await page.locator('input[type=file]').count(), 0, 'the population database holds what is needed');
    }
  });
  const check = await page.locator('main').textContent();
  assert.match(check, /Bị mất thẻ/);
  assert.match(await page.getByTestId('fee-due').textContent(), /35\.000/);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  assert.match(await page.getByTestId('dossier-code').textContent(), /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  // Half the 70,000 đ fee until the end of 2026.
  assert.match(await page.locator('main').textContent(), /35\.000/);
  assert.deepEqual(page.errors, []);
});

test('a confirmation of residence is asked in one sentence and is free', async () => {
  const page = await newPage(browser, 320);
  await startFiling(page, 'Nguyễn Thị Lan', '1.010041');
  await next(page);
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Liên hệ') await phoneIfEmpty(page);
    if (heading === 'Nội dung đề nghị') {
      await page.getByLabel('Nội dung đề nghị').fill('Xác nhận thông tin về cư trú để nộp hồ sơ nhập học cho con');
      await expectAccessible(page, 'the residence-confirmation request');
    }
    if (heading === 'Giấy tờ') {
      assert.equal(await page.locator('input[type=file]').count(), 0, 'no CT01 to attach online');
    }
  });
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  assert.match(await page.getByTestId('dossier-code').textContent(), /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  assert.match(await page.locator('main').textContent(), /Miễn phí/);
  assert.deepEqual(page.errors, []);
});

test('a lost passport is replaced at the replacement fee, with the photo and the loss report uploaded', async () => {
  const page = await newPage(browser, 360);
  await startFiling(page, 'Phạm Quốc Huy', '1.001456');
  await next(page);
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Nghề nghiệp và liên hệ') {
      await page.getByLabel('Nghề nghiệp').fill('Sinh viên');
      await phoneIfEmpty(page);
    }
    if (heading === 'Hộ chiếu trước đây') {
      await page.getByLabel('Có, nhưng bị mất (đã trình báo mất)').check();
      await page.getByLabel('Số hộ chiếu gần nhất').fill('C1234567');
    }
    if (heading === 'Giấy tờ') {
      const inputs = page.locator('input[type=file]');
      assert.equal(await inputs.count(), 2, 'the portrait and the loss report');
      for (const [i, name] of ['anh-chan-dung.jpg', 'don-bao-mat.pdf'].entries()) {
        const type = name.endsWith('.jpg') ? 'image/jpeg' : 'application/pdf';
        const bytes = type === 'image/jpeg' ? Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) : Buffer.from('%PDF-1.4\n% report\n');
        await inputs.nth(i).setInputFiles({ name, mimeType: type, buffer: bytes });
        await page.locator('.upload__name', { hasText: name }).waitFor();
      }
    }
  });
  assert.match(await page.getByTestId('fee-due').textContent(), /320\.000.*bị mất hoặc hư hỏng/);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  assert.match(await page.getByTestId('dossier-code').textContent(), /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  assert.match(await page.locator('main').textContent(), /320\.000/);
  assert.deepEqual(page.errors, []);
});

test('a family registers its household business: the owner is known, only the authorisation is uploaded', async () => {
  const page = await newPage(browser, 360);
  await startFiling(page, "H'Hen Niê", '1.001612');
  assert.match(await page.locator('main').textContent(), /066190004567/);
  await next(page);
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Ai thành lập') {
      await page.getByLabel(/Các thành viên gia đình tôi/).check();
      await page.getByLabel('Các thành viên gia đình cùng thành lập').fill('Y Bhim Niê 066188001234\nH\'Lan Niê 066195002345');
    }
    if (heading === 'Hộ kinh doanh') {
      await page.getByLabel('Tên hộ kinh doanh').fill('Hộ kinh doanh Cà phê Ako Dhong');
      await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Đắk Lắk' });
      const ward = page.getByLabel('Phường, xã, đặc khu');
      await ward.locator('option', { hasText: 'Phường Buôn Ma Thuột' }).waitFor({ state: 'attached' });
      await ward.selectOption({ label: 'Phường Buôn Ma Thuột' });
      await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('12 Buôn Ako Dhong');
      await page.getByLabel('Ngành, nghề kinh doanh').fill('Bán lẻ cà phê, đồ uống tại chỗ');
      await page.getByLabel('Vốn kinh doanh (triệu đồng)').fill('80');
      await page.getByLabel('Số lao động').fill('3');
      await page.getByLabel('Ngày bắt đầu hoạt động').fill('01/02/2027');
      await expectAccessible(page, 'the household business page');
    }
    if (heading === 'Giấy tờ') {
      const inputs = page.locator('input[type=file]');
      assert.equal(await inputs.count(), 1, 'only the family members\' authorisation');
      await inputs.first().setInputFiles({ name: 'uy-quyen.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% authorisation\n') });
      await page.locator('.upload__name', { hasText: 'uy-quyen.pdf' }).waitFor();
    }
  });
  const check = await page.locator('main').textContent();
  assert.match(check, /Hộ kinh doanh Cà phê Ako Dhong/);
  assert.match(await page.getByTestId('fee-due').textContent(), /150\.000/);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  assert.match(await page.getByTestId('dossier-code').textContent(), /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  assert.deepEqual(page.errors, []);
});

test('a new motorbike is registered with its papers read from the inspection and tax databases', async () => {
  const page = await newPage(browser, 320);
  await startFiling(page, 'Trần Văn Minh', '1.012575');
  assert.match(await page.locator('main').textContent(), /036094001234/);
  await next(page);
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Chủ xe') await phoneIfEmpty(page);
    if (heading === 'Xe của bạn') {
      await page.getByLabel(/^Xe mô tô, xe gắn máy/).check();
      await page.getByLabel('Trên 15 triệu đến 40 triệu đồng').check();
      await expectAccessible(page, 'the vehicle page');
    }
    if (heading === 'Biển số') {
      // A kept plate written with series and number run together is refused, and nothing is lost.
      await page.getByLabel('Có, cấp lại biển số đó cho xe này').check();
      await page.getByLabel('Biển số được giữ lại').fill('29b112345');
      await next(page);
      await page.getByRole('link', { name: /Biển số kết thúc bằng 4 hoặc 5 chữ số/ }).waitFor();
      assert.equal(await page.getByLabel('Biển số được giữ lại').inputValue(), '29b112345');
      await page.getByLabel('Biển số được giữ lại').fill('29-b1 123.45');
    }
    if (heading === 'Nhận kết quả') await page.getByLabel(/^Qua bưu điện/).check();
    if (heading === 'Giấy tờ') {
      assert.equal(await page.locator('input[type=file]').count(), 0, 'slip, invoice and tax receipt are held');
      const text = await page.locator('main').textContent();
      assert.match(text, /Phiếu kiểm tra chất lượng xuất xưởng số HVN-26-0048213/);
      assert.match(text, /Chứng từ nộp lệ phí trước bạ số LPTB 000377\/2026/);
      assert.match(text, /Cơ sở dữ liệu đăng kiểm và thuế/);
    }
  });
  assert.match(await page.locator('main').textContent(), /29B1-123\.45/);
  // Hà Nội is area I: a motorbike worth 15 to 40 million đồng pays 2,000,000 đ.
  assert.match(await page.getByTestId('fee-due').textContent(), /2\.000\.000.*khu vực I\b/);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  assert.match(await page.getByTestId('dossier-code').textContent(), /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  assert.deepEqual(page.errors, []);
});
