// Volunteer-assisted filing on two devices: the volunteer at a 1,280 px desk screen opens a
// help session; the resident, on their own 360 px phone, sees who offers help and the matching
// number before signing in, accepts, signs in and files there. The volunteer's screen follows
// the steps live with a teach tip, sees which questions have errors by name, "đã nộp", and the
// dossier code only once shared. Every response the volunteer's browser receives is checked
// for the resident's canary data. Also: a decline, a reused code and an expired code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots, signIn, next, answerUntilCheck } from './support.mjs';

const CODE_SECONDS = Number(process.env.MOTLAN_HELP_CODE_SECONDS ?? 20);
// Lan's name, ID number and street, and the child's name she types: never on the volunteer's device.
const CANARIES = ['Nguyễn Thị Lan', '001197004321', 'Đội Cấn', 'Trần Ngọc Anh'];
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The volunteer's screen, recording everything its browser receives from the API. */
async function volunteerPage(name) {
  const page = await newPage(browser, 1280);
  page.received = [];
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && !r.url().includes('/events')) {
      page.received.push(await r.text().catch(() => ''));
    }
  });
  // Event-stream messages, as the page's EventSource receives them.
  await page.addInitScript(() => {
    const Original = window.EventSource;
    window.__events = [];
    window.EventSource = class extends Original {
      constructor(...args) {
        super(...args);
        this.addEventListener('session', (e) => window.__events.push(e.data));
      }
    };
  });
  await page.goto(BASE + '/tinh-nguyen-vien');
  await page.getByRole('heading', { level: 1, name: 'Hỗ trợ người dân nộp hồ sơ' }).waitFor();
  await signIn(page, name);
  return page;
}

async function openSession(page, procedure) {
  await page.getByLabel('Thủ tục (không bắt buộc)').selectOption(procedure ?? '');
  await page.getByRole('button', { name: 'Mở phiên hỗ trợ' }).click();
  const code = (await page.locator('.help-code').textContent()).trim();
  const number = (await page.locator('.help-number strong').textContent()).trim();
  return { code, number };
}

test('a resident files on her own phone while a volunteer guides her and sees only progress', async () => {
  const volunteer = await volunteerPage('Quàng Văn An');
  await expectAccessible(volunteer, 'the volunteer screen before a session');
  // A second volunteer opens a session nobody answers: it expires during this test.
  const other = await volunteerPage('Lê Thị Bình');
  const expiring = await openSession(other);
  const expiresBy = Date.now() + CODE_SECONDS * 1000;

  const { code, number } = await openSession(volunteer, '1.001193');
  assert.match(code, /^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
  assert.match(number, /^\d{2}$/);
  await volunteer.locator('.help-qr svg').waitFor();
  await volunteer.getByText('Đang chờ người dân mở mã…').waitFor();
  await expectAccessible(volunteer, 'the volunteer screen with a code');
  await screenshots(volunteer, 'volunteer-code');

  // The resident's phone: the code typed as read aloud, the offer before any sign-in.
  const phone = await newPage(browser, 360);
  await phone.goto(BASE + '/ho-tro');
  await phone.getByRole('heading', { level: 1, name: 'Nhận hỗ trợ nộp hồ sơ' }).waitFor();
  await phone.getByLabel('Mã hỗ trợ').fill('ABC0');
  await phone.getByRole('button', { name: 'Tiếp tục' }).click();
  await phone.getByRole('alert').getByText(/Mã hỗ trợ gồm 6 chữ cái/).waitFor();
  await expectAccessible(phone, 'a mistyped help code');
  assert.equal(await phone.getByLabel('Mã hỗ trợ').inputValue(), 'ABC0', 'nothing typed is lost');
  await phone.getByLabel('Mã hỗ trợ').fill(code.toLowerCase());
  await phone.getByRole('button', { name: 'Tiếp tục' }).click();
  await phone.getByRole('heading', { level: 1, name: 'Có người đề nghị hỗ trợ bạn' }).waitFor();
  await phone.getByRole('button', { name: 'Đồng ý nhận hỗ trợ' }).waitFor();
  const offer = await phone.locator('main').textContent();
  assert.match(offer, /Quàng Văn An/);
  assert.match(offer, /Tổ công nghệ số cộng đồng xã Mường Phăng/);
  assert.match(offer, /Đăng ký khai sinh/);
  assert.equal((await phone.locator('strong.help-number').textContent()).trim(), number, 'the same number on both screens');
  await expectAccessible(phone, 'the help offer');
  await screenshots(phone, 'help-offer');
  await phone.getByRole('button', { name: 'Đồng ý nhận hỗ trợ' }).click();

  await phone.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
  await volunteer.getByText('Người dân đã đồng ý nhận hỗ trợ').waitFor();
  await signIn(phone, 'Nguyễn Thị Lan');
  // Consent is the resident's, given on her phone.
  await phone.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await phone.getByRole('checkbox').first().waitFor();
  for (const box of await phone.getByRole('checkbox').all()) await box.check();
  await phone.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await phone.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();
  await phone.goBack();
  await phone.getByRole('heading', { level: 1, name: 'Thông tin Nhà nước đã có' }).waitFor();
  await phone.getByText('Bạn đang được Quàng Văn An hỗ trợ.').waitFor();
  await expectAccessible(phone, 'filing with help');

  await volunteer.getByRole('heading', { name: /Bước 1\/\d+: Thông tin đã có sẵn/ }).waitFor();
  await volunteer.getByText(/Cơ sở dữ liệu quốc gia về dân cư/).waitFor();
  await next(phone);
  await phone.getByRole('heading', { level: 1, name: 'Quan hệ với trẻ' }).waitFor();
  await phone.getByLabel('Mẹ của trẻ').check();
  await next(phone);
  await phone.getByRole('heading', { level: 1, name: 'Tên của trẻ' }).waitFor();
  await phone.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Trần Ngọc Anh 2');
  await next(phone);
  await phone.getByRole('alert').getByText('Có vấn đề cần sửa').waitFor();

  // The volunteer sees the step, a tip, and which question has an error: its label, not its value.
  await volunteer.getByRole('heading', { name: /Tên của trẻ/ }).waitFor();
  const errors = volunteer.locator('.help-progress');
  await errors.getByText('Họ, chữ đệm và tên của trẻ').waitFor();
  await volunteer.getByText(/Nhắc kiểm tra từng chữ/).waitFor();
  await expectAccessible(volunteer, 'the volunteer screen following progress');
  await screenshots(volunteer, 'volunteer-progress');

  await phone.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Trần Ngọc Anh');
  await next(phone);
  await answerUntilCheck(phone);
  await volunteer.getByRole('heading', { name: /Kiểm tra và nộp/ }).waitFor();
  await phone.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const dossier = (await phone.getByTestId('dossier-code').textContent()).trim();
  await phone.getByTestId('assisted-by').getByText('Được hỗ trợ bởi Quàng Văn An').waitFor();
  await phone.getByText('Người hỗ trợ không nhận được thông tin cá nhân nào của bạn.').waitFor();
  await expectAccessible(phone, 'a dossier filed with help');
  await screenshots(phone, 'help-dossier');

  await volunteer.getByText('Đã nộp', { exact: true }).waitFor();
  await volunteer.getByText('Người dân chưa chia sẻ mã hồ sơ với bạn.').waitFor();
  await phone.getByRole('button', { name: 'Chia sẻ mã hồ sơ với người hỗ trợ' }).click();
  await phone.getByText('Đã chia sẻ mã hồ sơ với người hỗ trợ.').waitFor();
  await volunteer.locator('.help-dossier-code').getByText(dossier).waitFor();
  await expectAccessible(volunteer, 'the volunteer screen after filing');

  // The resident can report the helper.
  await phone.getByRole('button', { name: 'Báo cáo người hỗ trợ' }).click();
  await phone.getByLabel('Điều gì đã xảy ra? (không bắt buộc)').fill('Thử báo cáo');
  await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await phone.getByText('Đã gửi báo cáo tới Đoàn xã.').waitFor();

  // The canary: nothing of Lan's reached the volunteer's browser.
  const seen = [...volunteer.received, ...(await volunteer.evaluate(() => window.__events)), await volunteer.locator('body').innerText()].join('\n');
  assert.ok((await volunteer.evaluate(() => window.__events)).length >= 4, 'progress arrived as events');
  for (const canary of CANARIES) assert.ok(!seen.includes(canary), `${canary} reached the volunteer`);

  // The code is single use: someone else opening it later is told so.
  const later = await newPage(browser, 360);
  await later.goto(BASE + '/ho-tro/' + code.replace('-', ''));
  await later.getByRole('alert').getByText(/đã được dùng/).waitFor();
  await expectAccessible(later, 'a used help code');

  // A declined offer, opened from the QR code's address.
  await volunteer.getByRole('button', { name: 'Mở phiên mới' }).click();
  const second = await openSession(volunteer);
  const declining = await newPage(browser, 360);
  await declining.goto(BASE + '/ho-tro/' + second.code.replace('-', ''));
  await declining.getByText('Bạn sẽ tự chọn thủ tục').waitFor();
  await declining.getByRole('button', { name: 'Từ chối' }).click();
  await declining.getByText('Bạn đã từ chối. Không có thông tin nào của bạn được gửi đi.').waitFor();
  await expectAccessible(declining, 'a declined offer');
  await volunteer.getByText('Người dân đã từ chối hỗ trợ.').waitFor();
  await expectAccessible(volunteer, 'the volunteer screen after a decline');

  // The expired code: refused to the first person too, and the volunteer's screen says so.
  const wait = expiresBy - Date.now() + 1500;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const tooLate = await newPage(browser, 360);
  await tooLate.goto(BASE + '/ho-tro/' + expiring.code.replace('-', ''));
  await tooLate.getByRole('alert').getByText(/đã hết hạn/).waitFor();
  await expectAccessible(tooLate, 'an expired help code');
  await other.getByText('Mã đã hết hạn mà chưa ai dùng. Hãy mở phiên mới.').waitFor({ timeout: 15000 });
  for (const page of [volunteer, other, phone, later, declining, tooLate]) assert.deepEqual(page.errors, []);
});
