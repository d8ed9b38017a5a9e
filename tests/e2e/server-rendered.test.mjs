// The public pages arrive rendered by the server: readable and usable without JavaScript, and
// taken over by the app in place (hydration) without losing focus or what was typed.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage, expectAccessible } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('without JavaScript a citizen finds a procedure and reads its page', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.getByRole('heading', { level: 1, name: 'Bạn cần làm thủ tục gì?' }).waitFor();
  await page.getByLabel('Tìm thủ tục').fill('khai sinh');
  await page.getByLabel('Tìm thủ tục').press('Enter');
  await page.waitForURL(/\?q=khai\+sinh/);
  await page.getByRole('heading', { level: 2, name: /\d+ thủ tục/ }).waitFor();
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().click();
  await page.waitForURL(/\/thu-tuc\/1\.001193$/);
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  await page.getByRole('heading', { name: 'Giấy tờ cần chuẩn bị' }).waitFor();
  assert.equal(await page.title(), 'Đăng ký khai sinh – Một Lần');
  const start = page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' });
  assert.equal(await start.getAttribute('href'), '/thu-tuc/1.001193/khai/bat-dau');
  // The language switch is a plain link: the server keeps the choice and renders the same page.
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Papers to prepare' }).waitFor();
  assert.match(page.url(), /\/thu-tuc\/1\.001193$/, 'back on the page, without the parameter');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.goto(`${BASE}/?q=khai+sinh`);
  assert.equal(await page.getByLabel('Search procedures').inputValue(), 'khai sinh');
  await page.getByRole('link', { name: 'Tiếng Việt' }).click();
  await page.waitForURL(/\/\?q=khai\+sinh$/);
  await page.getByRole('heading', { level: 1, name: 'Bạn cần làm thủ tục gì?' }).waitFor();
  // "More results" opens the next page of the same search.
  await page.goto(`${BASE}/?q=giay+phep`);
  const total = Number((await page.getByRole('heading', { level: 2, name: /\d+ thủ tục/ }).textContent()).match(/\d+/)[0]);
  assert.ok(total > 40, 'a search with several pages');
  await page.getByRole('link', { name: 'Xem thêm kết quả' }).click();
  await page.waitForURL(/\?q=giay%20phep&cursor=20$/);
  await page.getByText(`Đang hiện 40 trên ${total} thủ tục.`).waitFor();
  assert.equal(await page.locator('.procedure-item__link').count(), 20);
  const missing = await page.goto(`${BASE}/khong-co-trang-nay`);
  assert.equal(missing.status(), 404);
  await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
  await context.close();
});

test('the app takes over the rendered page keeping focus and typed text', { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  // Hold the app back until the citizen has typed, as on a slow connection.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE}/?q=khai+sinh`);
  const search = page.getByLabel('Tìm thủ tục');
  assert.equal(await search.inputValue(), 'khai sinh');
  // The page as the server sent it, before the app: accessible as it is.
  await expectAccessible(page, 'search results rendered by the server, before the app');
  const before = await page.getByRole('heading', { level: 2, name: /\d+ thủ tục/ }).boundingBox();
  await search.focus();
  await search.press('End');
  await page.keyboard.type(' con');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  // Taken over: the same elements, still focused, nothing lost, and searching as one types.
  assert.equal(await search.inputValue(), 'khai sinh con');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
  await page.getByRole('heading', { level: 2, name: /\d+ thủ tục/ }).waitFor();
  const after = await page.getByRole('heading', { level: 2, name: /\d+ thủ tục/ }).boundingBox();
  assert.equal(Math.round(after.y), Math.round(before.y), 'the results did not move');
  await search.fill('hộ chiếu');
  await page.getByRole('link', { name: /hộ chiếu/i }).first().waitFor();
  assert.match(page.url(), /\?q=khai\+sinh$/, 'typing searches in place');
  // A link now navigates inside the app, with the page rendered from the API.
  await page.getByRole('link', { name: /hộ chiếu/i }).first().click();
  await page.getByRole('heading', { name: 'Giấy tờ cần chuẩn bị' }).or(page.getByRole('heading', { level: 1 })).first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a procedure page is taken over without a second request for its data', { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/procedures/')) asked.push(r.url()); });
  await page.goto(`${BASE}/thu-tuc/1.001193`);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().waitFor();
  // The app is live: its language switch works in place.
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Papers to prepare' }).waitFor();
  assert.match(page.url(), /\/thu-tuc\/1\.001193$/, 'switched without leaving the page');
  assert.deepEqual(asked, [], 'the page is taken over from the answers it was rendered with');
  // What only this browser knows (a dossier waiting to be sent) shows once the app has taken
  // the page over, not in the server's HTML.
  await page.evaluate(() => localStorage.setItem('motlan.outbox.probe', 'sealed'));
  const served = await (await page.request.get(`${BASE}/`)).text();
  assert.doesNotMatch(served, /Đang chờ gửi|Waiting to send/);
  await page.goto(`${BASE}/`);
  await page.getByRole('link', { name: /^(Đang chờ gửi|Waiting to send) \(1\)$/ }).waitFor();
  await page.evaluate(() => localStorage.removeItem('motlan.outbox.probe'));
  // A later page of a search is taken over too; typing starts again from the first page.
  await page.goto(`${BASE}/?q=giay+phep&cursor=20`);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  await page.getByText(/^Showing 40 of \d+ procedures\.$|^Đang hiện 40 trên \d+ thủ tục\.$/).waitFor();
  await page.getByRole('searchbox').fill('giay phep lai xe');
  await page.getByText(/^(Showing 20 of|Đang hiện 20 trên) \d+/).waitFor();
  await expectAccessible(page, 'a procedure page rendered by the server, taken over');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('signing in tapped before the app has started still signs in and comes back', { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE}/thu-tuc/1.001193`);
  const signIn = page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first();
  assert.equal(await signIn.getAttribute('href'), '/dang-nhap?tu=%2Fthu-tuc%2F1.001193');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'the app has not started');
  await signIn.click();
  await page.waitForURL(/\/dang-nhap\?tu=/);
  release();
  await page.getByRole('heading', { name: 'Chọn một công dân giả lập để đăng nhập' }).waitFor();
  await page.getByRole('button', { name: 'Đăng nhập là Nguyễn Thị Lan' }).click();
  await page.getByText('Đã đăng nhập: Nguyễn Thị Lan').waitFor();
  assert.equal(new URL(page.url()).pathname, '/thu-tuc/1.001193');
  // Only an address of this site is come back to.
  await page.goto(`${BASE}/dang-nhap?tu=//evil.example/steal`);
  await page.getByRole('alert').waitFor();
  assert.equal(new URL(page.url()).host, new URL(BASE).host);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a phone saving data reads and searches the public pages without the app, which loads for a filing', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'save-data': 'on' }, locale: 'vi-VN' });
  await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  const page = await context.newPage();
  const scripts = [];
  page.on('request', (r) => { if (/\.(wasm|js)$/.test(new URL(r.url()).pathname)) scripts.push(r.url()); });
  await page.goto(`${BASE}/?q=khai+sinh`);
  // Searching is the page's own form, reading a procedure a plain link.
  await page.getByRole('searchbox').fill('kết hôn');
  await page.getByRole('searchbox').press('Enter');
  await page.waitForURL(/q=k%E1%BA%BFt/);
  await page.getByRole('link', { name: /Đăng ký kết hôn/ }).first().click();
  await page.getByRole('heading', { name: 'Giấy tờ cần chuẩn bị' }).waitFor();
  await page.goto(`${BASE}/thu-tuc/1.001193`);
  await page.getByRole('heading', { name: 'Giấy tờ cần chuẩn bị' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(scripts, [], 'no script nor WebAssembly on the public pages');
  assert.equal(await page.locator('link[rel=prefetch]').count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined);
  // Starting a filing loads the app, and the filing with it.
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_filing.wasm')));
  await context.close();
});

test('a rendered page is taken over in its own language, whatever this browser stored before', { timeout: 120_000 }, async () => {
  // No language cookie, English preferred by the browser, Vietnamese left in storage by an
  // earlier visit: the server renders English, and the app must take the page over in English.
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript(() => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('motlan.lang', 'vi'); sessionStorage.setItem('seeded', '1'); } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/thu-tuc/1.001193`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Birth registration');
  // The app is live: its switch turns the page to Vietnamese in place.
  await page.getByRole('link', { name: 'Tiếng Việt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(errors, []);
  await context.close();
});
