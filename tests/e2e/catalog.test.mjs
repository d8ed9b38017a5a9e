// The national catalog: a citizen searches every procedure, reads an information page with the
// papers the State already holds set apart, and is sent to the national portal to file; an agency
// reviews its ministry's procedures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible, screenshots } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function search(page, words) {
  await page.getByLabel('Tìm thủ tục').fill(words);
  await page.getByRole('heading', { name: /^\d+ thủ tục$/ }).waitFor();
  return page.locator('.procedure-item__link');
}

test('searching without diacritics finds national procedures, and their page links to the portal', async () => {
  const page = await newPage(browser, 360);
  await page.goto(BASE + '/');
  for (const [words, expected] of [
    ['ho chieu', /hộ chiếu/i],
    ['dang ky xe', /đăng ký xe/i],
    ['dang ky ho kinh doanh', /hộ kinh doanh/i],
  ]) {
    const links = await search(page, words);
    assert.match(await links.first().textContent(), expected, words);
  }
  const links = await search(page, 'cap doi the can cuoc');
  const name = (await links.first().textContent()).trim();
  assert.match(name, /cấp đổi thẻ căn cước/i);
  // Results are announced: the heading that counts them is a live region.
  assert.equal(await page.locator('#results-heading').getAttribute('aria-live'), 'polite');
  await expectAccessible(page, 'national search results');
  await links.first().click();

  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('Thông tin thủ tục').first().waitFor();
  const portal = page.getByRole('link', { name: /Xem và nộp trên Cổng Dịch vụ công quốc gia/ });
  assert.match(await portal.getAttribute('href'), /^https:\/\/dichvucong\.gov\.vn\//);
  assert.equal(await portal.getAttribute('target'), '_blank');
  await page.getByRole('heading', { name: 'Cách nộp, thời hạn và lệ phí' }).waitFor();
  await expectAccessible(page, 'a national information page');
  await screenshots(page, 'information');
  assert.deepEqual(page.errors, []);
});

test('an information page sets apart the papers the State holds, each with its basis', async () => {
  let held;
  for (const words of ['ket hon', 'nuoi con nuoi', 'khai tu']) {
    const answer = await (await fetch(`${BASE}/api/v1/procedures?q=${encodeURIComponent(words)}&limit=50`)).json();
    for (const p of answer.items.filter((p) => !p.online_form && p.reusable_documents > 0)) {
      const info = await (await fetch(`${BASE}/api/v1/procedures/${p.code}/information`)).json();
      if (info.documents.some((d) => d.class === 'reusable' && d.source)) { held = p; break; }
    }
    if (held) break;
  }
  assert.ok(held, 'a national procedure listing papers a national system holds');
  const page = await newPage(browser, 320);
  await page.goto(`${BASE}/thu-tuc/${held.code}`);
  const section = page.getByRole('region', { name: 'Không cần nộp — Nhà nước đã có' });
  await section.waitFor();
  const text = await section.textContent();
  assert.match(text, /Nhà nước đã có tại: Cơ sở dữ liệu/);
  assert.match(text, /Căn cứ: .*\d+\/20\d\d\//);
  await page.getByRole('heading', { name: 'Cần chuẩn bị' }).waitFor();
  await expectAccessible(page, 'an information page with held papers at 320 px');
  assert.deepEqual(page.errors, []);
});

test('more results load on request, continuing the same search', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  const links = await search(page, 'giay phep');
  assert.equal(await links.count(), 20);
  await page.getByRole('link', { name: 'Xem thêm kết quả' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.procedure-item__link').length === 40);
  // The second page continues the first: forty different procedures, none repeated.
  const addresses = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  assert.equal(new Set(addresses).size, 40);
});

test('an agency reviews its ministry: chart, table, procedures with their basis, CSV', async () => {
  const page = await newPage(browser);
  await page.goto(BASE + '/');
  await page.getByRole('link', { name: 'Dành cho cơ quan: rà soát giấy tờ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rà soát giấy tờ Nhà nước đã có' }).waitFor();
  const table = page.getByRole('table', { name: 'Số liệu theo bộ, ngành' });
  await table.waitFor();
  assert.equal(await table.locator('tbody tr').count(), 7);
  await expectAccessible(page, 'the agency review');
  await page.getByLabel('Bộ, ngành', { exact: true }).selectOption('bo-tu-phap');
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
  assert.match(await table.locator('tbody tr').textContent(), /Bộ Tư pháp/);
  const asking = page.getByRole('heading', { name: /thủ tục còn yêu cầu giấy tờ Nhà nước đã có/ });
  await asking.waitFor();
  const csv = page.getByRole('link', { name: /Tải về CSV/ });
  const href = await csv.getAttribute('href');
  assert.match(href, /ministry=bo-tu-phap/);
  const answer = await fetch(BASE + href);
  assert.match(answer.headers.get('content-type'), /^text\/csv/);
  assert.match(await answer.text(), /,reusable,civil_status_db,/);
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: /^Hộ tịch/ }).catch(async () => {
    const option = await page.locator('#review-field option', { hasText: 'Hộ tịch' }).first().getAttribute('value');
    await page.getByLabel('Lĩnh vực', { exact: true }).selectOption(option);
  });
  await expectAccessible(page, 'the agency review, filtered');
  await screenshots(page, 'agency-review');
  assert.deepEqual(page.errors, []);
});
