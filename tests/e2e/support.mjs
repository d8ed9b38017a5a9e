// Shared set-up for the end-to-end tests: the browser, the server address, artefacts, axe.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const BASE = process.env.MOTLAN_BASE_URL ?? 'http://127.0.0.1:8080';
const ARTEFACTS = process.env.MOTLAN_ARTEFACTS ?? 'test-results';

// Without the background-networking flags Chromium tries to reach outside hosts at start.
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...FLAGS, ...extra] });
}

/** A fresh page in its own context (AxeBuilder needs one made by newContext). */
export async function newPage(browser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  return page;
}

/** Fails on any WCAG 2.x A/AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page, what) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  assert.ok(results.passes.length > 10, `axe checked too little on ${what}`);
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(summary, [], `accessibility violations on ${what}`);
  return results;
}

/** Full-page screenshots at 320 px and 1,280 px wide, kept as test artefacts. */
export async function screenshots(page, name) {
  mkdirSync(ARTEFACTS, { recursive: true });
  const original = page.viewportSize();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(ARTEFACTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Signs in through the identity sandbox as the demo citizen `name`. */
export async function signIn(page, name) {
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).first().click();
  await page.getByRole('button', { name: `Đăng nhập là ${name}` }).click();
  await page.getByText(`Đã đăng nhập: ${name}`).waitFor();
}

/** Signs in as `name` on the home page and consents to every purpose on "Dữ liệu của tôi". */
export async function consentToEverything(page, name) {
  await page.goto(BASE + '/');
  await signIn(page, name);
  await page.getByRole('link', { name: 'Dữ liệu của tôi' }).click();
  await page.getByRole('checkbox').first().waitFor();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await page.getByRole('status').getByText('Đã lưu lựa chọn của bạn.').waitFor();
}

/** Presses the filing step's "continue" button. */
export async function next(page) {
  await page.getByRole('button', { name: /^(Tiếp tục|Thông tin đúng, tiếp tục)$/ }).click();
}

/**
 * Answers every remaining page of a filing in the order asked (first option, one copy, the
 * declaration) until the check page; `onPage(heading)` runs on each page first.
 */
export async function answerUntilCheck(page, onPage = async () => {}) {
  for (let i = 0; i < 12; i += 1) {
    const heading = await page.locator('h1').textContent();
    if (heading === 'Kiểm tra thông tin trước khi nộp') return;
    await onPage(heading);
    for (const group of await page.locator('main fieldset').all()) {
      if ((await group.getByRole('radio').count()) && !(await group.getByRole('radio', { checked: true }).count())) {
        await group.getByRole('radio').first().check();
      }
    }
    const copies = page.getByLabel(/Số bản sao/);
    if (await copies.count()) await copies.fill('1');
    const declaration = page.getByRole('checkbox');
    if (await declaration.count()) await declaration.check();
    const before = page.url();
    await next(page);
    await page.waitForURL((url) => url.href !== before);
    // The address changes first; wait for the next page itself before reading it.
    await page.waitForFunction((previous) => document.querySelector('h1')?.textContent !== previous, heading);
  }
  throw new Error('the check page never came');
}
