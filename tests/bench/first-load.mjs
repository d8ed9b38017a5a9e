// The first usable page on a cheap phone with a weak connection, side by side with a GOV.UK
// Frontend page that has the same search box: headless Chromium with the network throttled to
// 1.6 Mbps down / 750 kbps up and 150 ms round trips, the CPU slowed four times, an empty cache.
// "Usable" means the search box is on screen and can be typed into (Một Lần's home page also
// shows its list of procedures); the bytes counted are those received until then. The GOV.UK
// page is served here, on a loopback port, from npm's govuk-frontend (its CSS, JavaScript and
// fonts, Brotli-compressed as Một Lần's files are). Prints numbers; asserts nothing.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BASE = process.env.MOTLAN_BASE_URL ?? 'http://127.0.0.1:8080';
const RUNS = 5;
const GOVUK = join(import.meta.dirname, '../../node_modules/govuk-frontend/dist/govuk');

const GOVUK_PAGE = `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8"><title>Find a service - GOV.UK</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <link rel="stylesheet" href="/govuk/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
  <script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
  <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
  <header class="govuk-header" data-module="govuk-header"><div class="govuk-header__container govuk-width-container">
    <div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__link--homepage">GOV.UK</a></div>
  </div></header>
  <div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
    <h1 class="govuk-heading-xl">Which service do you need?</h1>
    <form action="/search" method="get" role="search">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--m" for="search">Search for a service</label>
        <div class="govuk-hint" id="search-hint">For example, register a birth</div>
        <input class="govuk-input" id="search" name="q" type="search" aria-describedby="search-hint">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Search</button>
    </form>
  </main></div>
  <footer class="govuk-footer"><div class="govuk-width-container"><p class="govuk-body">Crown copyright</p></div></footer>
  <script type="module" src="/govuk/govuk-frontend.min.js"></script>
  <script type="module">import { initAll } from '/govuk/govuk-frontend.min.js'; initAll();</script>
</body>
</html>`;

const TYPES = { '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon' };

/** GOV.UK's page and govuk-frontend's files, Brotli-compressed where the browser accepts it. */
function govukServer() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    let body; let type;
    try {
      if (path === '/') { body = Buffer.from(GOVUK_PAGE); type = 'text/html; charset=utf-8'; }
      else if (path.startsWith('/govuk/')) {
        body = readFileSync(join(GOVUK, path.slice('/govuk/'.length).replaceAll('..', '')));
        type = TYPES[extname(path)] ?? 'application/octet-stream';
      } else if (path.startsWith('/assets/')) {
        body = readFileSync(join(GOVUK, path.replaceAll('..', '')));
        type = TYPES[extname(path)] ?? 'application/octet-stream';
      }
    } catch { body = undefined; }
    if (!body) { res.writeHead(404); res.end(); return; }
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (!type.startsWith('font/') && !type.startsWith('image/png') && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = brotliCompressSync(body);
      headers['content-encoding'] = 'br';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/** One cold load: ms until usable, bytes received until then and in all, ms until the app runs. */
async function measure(url, usable, live, headers = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', extraHTTPHeaders: headers });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const partial = new Map();
  let finished = 0;
  cdp.on('Network.dataReceived', (e) => partial.set(e.requestId, (partial.get(e.requestId) ?? 0) + e.encodedDataLength));
  cdp.on('Network.loadingFinished', (e) => { partial.delete(e.requestId); finished += e.encodedDataLength; });
  const received = () => finished + [...partial.values()].reduce((a, b) => a + b, 0);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await usable(page);
  const result = { ms: Date.now() - started, before: received() };
  if (live) { await live(page); result.live = Date.now() - started; }
  await page.waitForLoadState('networkidle');
  result.total = received();
  await context.close();
  return result;
}

const govuk = await govukServer();
const GOVUK_URL = `http://127.0.0.1:${govuk.address().port}/`;
const ours = [];
const theirs = [];
const saving = [];
const homeUsable = async (page) => {
  await page.getByLabel('Tìm thủ tục').waitFor({ state: 'visible' });
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).first().waitFor();
};
for (let run = 0; run < RUNS; run += 1) {
  theirs.push(await measure(GOVUK_URL, (page) => page.getByLabel('Search for a service').waitFor({ state: 'visible' })));
  ours.push(await measure(BASE + '/', homeUsable, (page) => page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { polling: 50, timeout: 120_000 })));
  // A phone's data saver: the public pages come without the app.
  saving.push(await measure(BASE + '/', homeUsable, undefined, { 'save-data': 'on' }));
}

/** Opens a procedure page, reads it for `readMs`, starts filing: ms until the first step shows. */
async function startFiling(readMs) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(BASE + '/thu-tuc/1.001193');
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).waitFor();
  await page.waitForTimeout(readMs);
  const started = Date.now();
  await page.getByRole('link', { name: 'Bắt đầu nộp hồ sơ' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập để nộp hồ sơ' }).waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  await context.close();
  return ms;
}
const afterReading = await startFiling(10_000);
const atOnce = await startFiling(0);
await browser.close();
govuk.close();

const median = (rows, key) => rows.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const [a, b] = [median(ours, 'ms'), median(theirs, 'ms')];
console.log(`first usable page, side by side (1.6 Mbps, 150 ms RTT, CPU x4, cold cache), median of ${RUNS} runs:`);
console.log(`  Một Lần home:      usable after ${a} ms, ${kib(median(ours, 'before'))} received until then; ${kib(median(ours, 'total'))} in all; the app took the page over after ${median(ours, 'live')} ms`);
console.log(`  Một Lần home, data saver on (Save-Data): usable after ${median(saving, 'ms')} ms, ${kib(median(saving, 'total'))} in all (no app)`);
console.log(`  GOV.UK Frontend:   usable after ${b} ms, ${kib(median(theirs, 'before'))} received until then; ${kib(median(theirs, 'total'))} in all`);
console.log(`  ratio ${(a / b).toFixed(2)} (target ≤ 1.20); before usable ${median(ours, 'before') <= 60_000 ? 'within' : 'OVER'} the 60 KB target`);
console.log('starting a filing from a procedure page (same conditions; the filing is fetched ahead at idle):');
console.log(`  after 10 s on the page: first step after ${afterReading} ms; at once: ${atOnce} ms`);
