// A judicial-record application (3.000333) whose previous residence is written with the names from
// before 1 July 2025: old province → district → commune, the commune of today said (a whole
// merger) or chosen by the citizen (a split, never a silent default), "as written → today" on the
// check page and in the downloaded receipt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BASE, launch, newPage, consentToEverything, expectAccessible, signIn, next, answerUntilCheck } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an old address of a split commune is filed with the commune of today the citizen chose', async () => {
  const page = await newPage(browser, 360);
  await consentToEverything(page, 'H\'Hen Niê');

  await page.goto(BASE + '/thu-tuc/3.000333/khai/bat-dau');
  await signIn(page, 'H\'Hen Niê');
  await page.getByRole('heading', { level: 1, name: 'Thông tin Nhà nước đã có' }).waitFor();
  await next(page);

  let chosen;
  await answerUntilCheck(page, async (heading) => {
    if (heading === 'Liên hệ') {
      const phone = page.getByLabel('Số điện thoại di động');
      if (await phone.count() && !(await phone.inputValue())) await phone.fill('0912345678');
    }
    if (heading === 'Địa chỉ thường trú trước đây') {
      await page.getByLabel(/^Tên cũ, trước ngày 01\/7\/2025/).check();
      await page.getByLabel('Tỉnh, thành phố (tên cũ)').selectOption({ label: 'Thành phố Hà Nội' });
      await page.getByLabel('Quận, huyện, thị xã, thành phố thuộc tỉnh').selectOption({ label: 'Quận Ba Đình' });
      // A whole merger is said at once, with the table's reason.
      await page.getByLabel('Xã, phường, thị trấn (tên cũ)').selectOption({ label: 'Phường Trúc Bạch' });
      await page.getByText('Nay thuộc Phường Ba Đình, Thành phố Hà Nội.').waitFor();
      // A split commune: the citizen must choose; nothing is chosen for them.
      await page.getByLabel('Xã, phường, thị trấn (tên cũ)').selectOption({ label: 'Phường Ngọc Hà' });
      const choices = page.getByRole('group', { name: /Nơi này nay thuộc nhiều xã, phường/ });
      await choices.waitFor();
      assert.ok((await choices.getByRole('radio').count()) > 1);
      assert.equal(await choices.getByRole('radio', { checked: true }).count(), 0, 'no silent default');
      await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('số 7 Hoàng Hoa Thám');
      await next(page);
      await page.getByRole('alert').getByText('Nơi này nay thuộc nhiều xã, phường. Hãy chọn xã, phường hiện nay mà địa chỉ thuộc về.').waitFor();
      assert.equal(await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').inputValue(), 'số 7 Hoàng Hoa Thám', 'nothing typed is lost');
      await expectAccessible(page, 'an old address to choose the commune of today for');
      const second = choices.getByRole('radio').nth(1);
      chosen = (await page.locator(`label[for="${await second.getAttribute('id')}"]`).textContent()).split(' (')[0];
      await second.check();
    }
    if (heading === 'Quá trình cư trú, nghề nghiệp') {
      await page.locator('textarea').fill('2004–2015: Hà Nội, học sinh; 2015 đến nay: Đắk Lắk, giáo viên');
    }
    if (heading === 'Yêu cầu') {
      // Certificate no. 1 brings a further yes/no question on the same page.
      await page.getByLabel(/^Phiếu số 1/).check();
      await page.getByRole('group', { name: /bị cấm đảm nhiệm chức vụ/ }).getByLabel('Không').check();
      await page.getByLabel('Mục đích sử dụng phiếu').fill('Xin việc');
      await page.getByLabel('Số lượng phiếu').fill('1');
    }
    if (heading === 'Giấy tờ') {
      for (const input of await page.locator('input[type=file]').all()) {
        await input.setInputFiles({ name: 'can-cuoc.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% a scan\n') });
      }
      await page.locator('.upload__name').first().waitFor();
    }
  });

  const check = page.getByTestId('old-address-previous_residence');
  await check.getByText(/Phường Ngọc Hà, Quận Ba Đình, Thành phố Hà Nội/).waitFor();
  assert.match(await check.textContent(), new RegExp(`→ nay là số 7 Hoàng Hoa Thám, ${chosen}`));
  await expectAccessible(page, 'the check page with an old address');
  assert.match(await page.getByTestId('fee-due').textContent(), /200\.000/);

  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = await page.getByTestId('dossier-code').textContent();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải bản sao phiếu' }).click();
  const receipt = await readFile(await (await download).path(), 'utf8');
  assert.match(receipt, new RegExp(`Phường Ngọc Hà, Quận Ba Đình, Thành phố Hà Nội → số 7 Hoàng Hoa Thám, ${chosen}`));
  assert.match(code, /^000\.00\.\d\d\.H\d\d-\d{6}-\d{4}$/);
  assert.deepEqual(page.errors, []);
});
