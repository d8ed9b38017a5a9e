// Time to the first usable page on a cheap phone with a weak connection: headless Chromium with
// the network throttled to 1.6 Mbps down / 750 kbps up and 150 ms round trips, the CPU slowed
// four times, an empty cache. "Usable" means the home page's search box can be typed into and the
// list of procedures is shown. Prints numbers; asserts nothing.
import { chromium } from 'playwright-core';

const BASE = process.env.MOTLAN_BASE_URL ?? 'http://127.0.0.1:8080';
const RUNS = 3;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const times = [];
let transferred = 0;
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  const started = Date.now();
  await page.goto(BASE + '/', { waitUntil: 'commit' });
  await page.getByLabel('Tìm thủ tục').waitFor({ state: 'visible' });
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).waitFor();
  times.push(Date.now() - started);
  transferred = bytes;
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`first usable page (1.6 Mbps, 150 ms RTT, CPU x4, cold cache), ${RUNS} runs:`);
console.log(`  median ${times[Math.floor(RUNS / 2)]} ms, best ${times[0]} ms, worst ${times[RUNS - 1]} ms; ${transferred} bytes transferred`);
