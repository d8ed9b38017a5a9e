// Bad connections: after one visit, the app shell opens without a network (service worker), and
// nothing the API answers is kept by it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newPage } from './support.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function cachedPaths(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) out.push(new URL(request.url).pathname);
    }
    return out;
  });
}

test('after one visit the shell opens offline, a procedure page says it needs the network, and no API answer is cached', async () => {
  const page = await newPage(browser, 360);
  await page.goto(BASE + '/');
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('motlan-shell-')));
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();

  await page.context().setOffline(true);
  await page.goto(BASE + '/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByLabel('Tìm thủ tục').waitFor();
  // A page that needs the API says so and offers to try again, instead of a browser error.
  await page.goto(BASE + '/thu-tuc/2.000635');
  await page.getByRole('button', { name: /Thử lại/ }).waitFor();
  await page.context().setOffline(false);
  await page.getByRole('button', { name: /Thử lại/ }).click();
  await page.getByRole('heading', { level: 1, name: /trích lục/i }).waitFor();

  const cached = await cachedPaths(page);
  assert.ok(cached.includes('/index.html'), 'the shell page');
  assert.ok(!cached.includes('/'), 'no rendered page is kept: the shell renders any address');
  assert.ok(cached.some((p) => p.endsWith('_bg.wasm')), 'the first-load module');
  assert.ok(cached.some((p) => p.endsWith('/__wasm_split.js')), 'the loader of the parts, which the first load imports');
  assert.deepEqual(cached.filter((p) => /\/(split|chunk)_[^/]*\.wasm$/.test(p)), [], 'no part loaded on demand is kept by the shell');
  assert.deepEqual(cached.filter((p) => p.startsWith('/api/') || p.startsWith('/sandbox/')), [], 'no API answer kept');
  assert.deepEqual(page.errors, []);
});

test('a part of the app that cannot be fetched says so, and comes when asked again', async () => {
  // Without the service worker, whose own fetches the page's interception would not see.
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The filing part cannot be fetched (a dropped connection), the rest of the app can.
  let blocked = true;
  await page.route('**/split_filing.wasm', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Không tải được dữ liệu' });
  await alert.waitFor();
  // The app is still alive: the header works, and asking again loads the part.
  blocked = false;
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
