// End to end: the real `earmark serve` (built dist/ and web/dist) driven by Debian chromium. Screenshots go to
// test-output/web/ at 1280x800 and 390 px wide. Any request that is not to the local server fails the run.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const shots = join(root, 'test-output', 'web');
let server: ChildProcess;
let base: string;
let dataDir: string;
let browser: Browser;
let desk: BrowserContext;
const outside: string[] = [];

/** Starts `earmark serve` on a free port and resolves with its URL once it says it listens. */
function startServer(): Promise<string> {
  server = spawn(process.execPath, [join(root, 'dist', 'earmark.js'), 'serve', '--port', '0', '--data-dir', dataDir, '--rate-limit', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /listening on (http:\/\/\S+)/.exec(log);
      if (m) resolve(m[1]);
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`earmark serve exited with ${code}:\n${log}`)));
  });
}

async function context(width: number, height: number): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  // Loopback only: anything else is recorded and refused.
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === new URL(base).origin || url.protocol === 'data:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return ctx;
}

async function open(ctx: BrowserContext, hash: string): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => outside.push(`page error: ${e.message}`));
  await page.goto(`${base}/${hash}`);
  return page;
}

// Debian's chromium drives these tests; .ci/run installs it. Outside CI a machine without it skips them.
const chromiumPath = '/usr/bin/chromium';
const noBrowser = !existsSync(chromiumPath);
if (noBrowser && process.env.CI === 'true') throw new Error(`${chromiumPath} is missing (CI must run the workbench tests)`);
if (noBrowser) console.warn(`workbench tests skipped: ${chromiumPath} is missing (apt-get install -y chromium)`);

beforeAll(async () => {
  if (noBrowser) return;
  dataDir = mkdtempSync(join(tmpdir(), 'earmark-web-'));
  mkdirSync(shots, { recursive: true });
  base = await startServer();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  desk = await context(1280, 800);
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(noBrowser)('workbench', () => {
  test('check: the H800 to China before and after 2023-11-17', async () => {
    const page = await open(desk, '#/check');
    await page.getByRole('combobox', { name: /^Chip/ }).fill('nvidia-h800-sxm5');
    await page.getByRole('combobox', { name: /^Destination/ }).selectOption('CN');
    await page.getByLabel('Date').fill('2023-06-01');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.getByTestId('answer-line').textContent()).toBe('No licence required');
    expect(await page.getByTestId('answer').textContent()).toContain('2023-01-macau');

    await page.getByLabel('Date').fill('2023-12-01');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.getByTestId('answer-line').textContent()).toBe('Licence required — presumption of denial; no licence exceptions');
    const findings = page.locator('.findings li');
    expect(await findings.count()).toBeGreaterThan(2);
    // Each finding links its 15 CFR citation to the eCFR as it read on the date.
    expect(await page.getByRole('link', { name: '15 CFR 742.6(a)(6)(iii)' }).getAttribute('href')).toBe('https://www.ecfr.gov/on/2023-12-01/title-15/section-742.6');
    // The URL keeps the state: reopening it gives the same answer.
    const again = await open(desk, new URL(page.url()).hash);
    await expect.poll(() => again.getByTestId('answer-line').textContent()).toContain('Licence required');
    await page.screenshot({ path: join(shots, 'check-1280.png'), fullPage: true });
    await again.close();
    await page.close();
  });

  test('timeline: the answer changes on 2023-11-17', async () => {
    const page = await open(desk, '#/check?chip=nvidia-h800-sxm5&to=CN&date=2023-12-01');
    await page.getByRole('link', { name: 'Timeline' }).click();
    const row = page.locator('tr[data-from="2023-11-17"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Licence required — presumption of denial');
    expect(await page.locator('tr[data-from="2023-01-17"]').textContent()).toContain('No licence required');
    expect(await page.locator('.change-label text').first().textContent()).toContain('2023-11-17');
    await page.locator('rect.segment[aria-label^="2023-11-17"]').click();
    await expect.poll(() => page.locator('#chosen h2').textContent()).toBe('On 2023-11-17');
    expect(await page.locator('#chosen [data-testid=answer-line]').textContent()).toContain('presumption of denial');
    await page.screenshot({ path: join(shots, 'timeline-1280.png'), fullPage: true });
    await page.close();
  });

  test('map: the UAE changes group across 2026-07-10', async () => {
    const page = await open(desk, '#/map?date=2026-07-09');
    await page.locator('path.country').first().waitFor();
    await page.getByLabel('Any destination').selectOption('AE');
    await expect.poll(() => page.getByTestId('country-groups').textContent()).toBe('B, D:3, D:4');
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('map-date').textContent()).toBe('2026-07-10');
    await expect.poll(() => page.getByTestId('country-groups').textContent()).toBe('A:5, B');
    await page.screenshot({ path: join(shots, 'map-1280.png') });
    await page.close();
  });

  test('chips: a point opens the chip page with its classification over time', async () => {
    const page = await open(desk, '#/chips');
    await page.locator('a.point[data-chip="nvidia-h800-sxm5"]').waitFor();
    expect(await page.locator('a.point').count()).toBeGreaterThan(20);
    await page.screenshot({ path: join(shots, 'chips-1280.png'), fullPage: true });
    await page.locator('a.point[data-chip="nvidia-h800-sxm5"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('NVIDIA H800 SXM5 80GB');
    expect(page.url()).toContain('#/chips/nvidia-h800-sxm5');
    const history = await page.locator('table.history tbody').textContent();
    expect(history).toContain('2023-11-17');
    expect(history).toContain('3A090.a');
    await page.screenshot({ path: join(shots, 'chip-1280.png'), fullPage: true });
    await page.close();
  });

  test('screen: "Sugon" hits the Entity List', async () => {
    const page = await open(desk, '#/screen');
    await page.getByLabel('Name').fill('Sugon');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page.locator('.hit, [role=alert]').first().waitFor();
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    expect((await page.locator('.hit-list').textContent())?.toLowerCase()).toContain('sugon');
    expect(await page.getByTestId('snapshot').textContent()).toMatch(/Lists snapshot of \d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: join(shots, 'screen-1280.png'), fullPage: true });
    await page.close();
  });

  test('ledger & audit: a recorded determination is in the trail and the chain verifies', async () => {
    const page = await open(desk, '#/check?chip=nvidia-h800-sxm5&to=CN&date=2023-12-01');
    await page.getByTestId('answer-line').waitFor();
    await page.getByRole('button', { name: 'Record to audit trail' }).click();
    await expect.poll(() => page.locator('.record [role=status]').textContent()).toMatch(/^Recorded/);
    await page.getByRole('link', { name: 'Ledger & audit' }).click();
    await page.locator('table.audit tbody tr').first().waitFor();
    expect(await page.locator('table.audit').textContent()).toContain('licence required');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => page.getByTestId('verify').textContent()).toMatch(/Chain intact/);
    await page.screenshot({ path: join(shots, 'ledger-1280.png'), fullPage: true });
    await page.close();
  });

  test('phone: every page fits 390 px without sideways scrolling', async () => {
    const phone = await context(390, 844);
    const pages: [string, string, string][] = [
      ['check', '#/check?chip=nvidia-h800-sxm5&to=CN&date=2023-12-01', '[data-testid=answer-line]'],
      ['timeline', '#/timeline?chip=nvidia-h800-sxm5&to=CN', 'rect.segment'],
      ['map', '#/map?date=2026-07-10&c=AE', 'path.country'],
      ['chips', '#/chips', 'a.point'],
      ['screen', '#/screen?q=Sugon', 'h1'],
      ['ledger', '#/ledger', 'h1'],
    ];
    for (const [name, hash, ready] of pages) {
      const page = await open(phone, hash);
      await page.locator(ready).first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, name).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(shots, `${name}-390.png`), fullPage: true });
      await page.close();
    }
    await phone.close();
  });

  test('no request left the machine', () => {
    expect(outside).toEqual([]);
  });
});
