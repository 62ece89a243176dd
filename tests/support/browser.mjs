// Browser helpers for the end-to-end tests: Debian's Chromium driven by playwright-core, and
// axe-core checks (WCAG 2.1 A and AA) that fail with a readable list of violations.
// The npm packages live in web/node_modules, so they are resolved from web/package.json: the
// tests then run with a plain `node --test tests/e2e/`.
//
//   await withBrowser(async (page) => {
//     await login(page, base, 'admin@demo.test', 'secret');
//     await expectNoAxeViolations(page);
//   });
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const axeModule = require('@axe-core/playwright');
const AxeBuilder = axeModule.AxeBuilder ?? axeModule.default;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

// Runs `fn(page, context, browser)` in a fresh Chromium, closed afterwards even on failure.
export async function withBrowser(fn) {
  const browser = await chromium.launch({
    executablePath: process.env.PARCOURS_CHROMIUM ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const context = await browser.newContext({ locale: 'fr-FR' });
    // A loaded 2-core machine can be slow: generous timeouts, no timing assertions.
    context.setDefaultTimeout(30000);
    const page = await context.newPage();
    return await fn(page, context, browser);
  } finally {
    await browser.close();
  }
}

function describeViolations(url, violations) {
  const lines = [`${violations.length} violation(s) d'accessibilité sur ${url} :`];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.id} : ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    ${node.target.join(' ')} — ${node.failureSummary?.replace(/\n/g, ' ')}`);
    }
  }
  return lines.join('\n');
}

// Fails when axe-core finds any WCAG 2.1 A/AA violation on the page as it is now.
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  if (results.violations.length > 0) {
    throw new Error(describeViolations(page.url(), results.violations));
  }
}

// Signs in through the login form of `baseUrl` and waits for the page that follows.
export async function login(page, baseUrl, email, password) {
  await page.goto(new URL('/connexion', baseUrl).href);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/connexion')),
    page.locator('input[name="password"]').press('Enter'),
  ]);
}

// Goes to `url` (if given) and checks the page with axe-core.
export async function visit(page, url) {
  if (url) await page.goto(url);
  await expectNoAxeViolations(page);
}

// The focused element's id and text.
export const focused = (page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

// Presses Tab until `check(focused)` holds, or fails: `what` is not reachable by keyboard.
export async function tabTo(page, check, what) {
  for (let presses = 0; presses < 150; presses++) {
    if (check(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${what} n’est pas atteignable au clavier`);
}

// Opens a menu of the main navigation ("Administration"…) with the keyboard, once the DSFR
// script has taken hold of its button (it marks it data-fr-js-collapse-button), and returns the
// navigation for its links. On a loaded machine the script can mark the button before it
// listens to it, and an early Enter is then lost (CI of 28 November): Enter is pressed again,
// only while the menu is still closed, up to five times.
export async function openNavMenu(page, name) {
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  const button = nav.getByRole('button', { name });
  const opened = nav.locator('button[aria-expanded="true"]', { hasText: name });
  await nav.locator('button[data-fr-js-collapse-button]', { hasText: name }).waitFor();
  for (let attempt = 1; ; attempt++) {
    if ((await button.getAttribute('aria-expanded')) !== 'true') {
      await button.focus();
      await page.keyboard.press('Enter');
    }
    try {
      await opened.waitFor({ timeout: 6000 });
      return nav;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}
