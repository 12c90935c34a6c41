// Browser side of tests/editors/vscode_e2e.sh: drives the VS Code workbench served by code-server
// in headless Chromium, as a user would, and writes one "PASS name" / "FAIL name: why" line per
// check to $HISTLINT_RESULTS.
//   HISTLINT_URL          workbench URL with ?folder= pointing at the workspace
//   HISTLINT_WORKSPACE    that folder (holds dates.txt and garbled.txt)
//   HISTLINT_SETTINGS     the user settings.json the test edits to change histlint settings
//   HISTLINT_ARTIFACTS    folder receiving the screenshots
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const url = process.env.HISTLINT_URL;
const settingsFile = process.env.HISTLINT_SETTINGS;
const workspace = process.env.HISTLINT_WORKSPACE;
const artifacts = process.env.HISTLINT_ARTIFACTS;
const results = fs.openSync(process.env.HISTLINT_RESULTS, 'w');

const WORKBENCH_TIMEOUT_MS = 60000;
const DIAGNOSTICS_TIMEOUT_MS = 45000;
const UI_TIMEOUT_MS = 10000;

function record(name, ok, detail) {
  const line = `${ok ? 'PASS' : 'FAIL'} ${name}${!ok && detail ? `: ${detail}` : ''}`;
  fs.writeSync(results, `${line}\n`);
  console.log(line);
  return ok;
}

function log(message) {
  console.log(`[vscode-e2e] ${message}`);
}

// Polls `probe` until it returns a truthy value or the time is up; returns the last value.
async function poll(probe, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function writeUserSettings(changes) {
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete settings[key];
    else settings[key] = value;
  }
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
}

class Workbench {
  constructor(page) {
    this.page = page;
  }

  async quickInput(prefix, text) {
    const { page } = this;
    const widget = page.locator('.quick-input-widget');
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.keyboard.press(prefix === '>' ? 'F1' : 'Control+P');
      if (await widget.isVisible({ timeout: 2000 }).catch(() => false)) break;
      try {
        await widget.waitFor({ state: 'visible', timeout: 2000 });
        break;
      } catch {
        await page.keyboard.press('Escape');
      }
    }
    const input = widget.locator('input');
    await input.fill(prefix === '>' ? `>${text}` : text);
    // Wait for the list to show the entry before accepting it.
    const row = widget.locator('.monaco-list-row', { hasText: text.replace(/^>/, '') }).first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  async openFile(name) {
    await this.quickInput('', name);
    await this.page
      .locator('.tabs-container .tab.active', { hasText: name })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    // The text must be on screen before anything reads it.
    await this.page.locator('.editor-instance .view-lines .view-line').first().waitFor();
  }

  async runCommand(title) {
    await this.quickInput('>', title);
  }

  // Texts of the visible Problems rows (message, "source(code)", position), filtered by `filter`.
  async problems(filter) {
    const { page } = this;
    const input = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    if ((await input.inputValue()) !== filter) {
      await input.fill(filter);
      await page.waitForTimeout(400);
    }
    return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
      rows.map((row) => row.innerText.replace(/\u00a0/g, ' ').replace(/\s*\n\s*/g, ' ')),
    );
  }

  async problemsWith(filter, needle, timeoutMs) {
    return poll(async () => {
      const rows = await this.problems(filter);
      return rows.some((row) => row.includes(needle)) ? rows : null;
    }, timeoutMs);
  }

  async notifications() {
    return this.page.$$eval('.notifications-toasts .notification-toast', (toasts) =>
      toasts.map((toast) => toast.innerText.replace(/\s*\n\s*/g, ' ')),
    );
  }

  async clearNotifications() {
    await this.runCommand('Notifications: Clear All Notifications').catch(() => undefined);
  }

  // The visible text of the Output panel (its editor renders only the lines on screen).
  async outputText() {
    return this.page.$$eval('.output-view .view-lines .view-line', (lines) =>
      lines.map((line) => line.innerText.replace(/\u00a0/g, ' ')).join('\n'),
    );
  }

  // Screen position of the first whole-word `word` in the active editor's rendered lines.
  async wordPosition(word) {
    return this.page.evaluate((w) => {
      const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      const pattern = new RegExp(`\\b${w}\\b(?![\\w’'])`);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const match = pattern.exec(node.textContent.replace(/\u00a0/g, ' '));
        if (!match) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + w.length);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0) return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
      return null;
    }, word);
  }
}

async function run(page) {
  const wb = new Workbench(page);
  const started = Date.now();
  await page.goto(url);
  const loaded = await page
    .locator('.monaco-workbench')
    .waitFor({ timeout: WORKBENCH_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  if (!record('the VS Code workbench loads', loaded)) return;
  log(`workbench after ${Date.now() - started} ms`);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'dates.txt' }).waitFor();

  await wb.openFile('garbled.txt');
  await wb.openFile('dates.txt');
  record('both seeds open in editors', true);

  await wb.runCommand('View: Focus Problems');
  const datesRows = await wb.problemsWith('date/', 'histlint(date/', DIAGNOSTICS_TIMEOUT_MS);
  log(`diagnostics after ${Date.now() - started} ms`);
  record(
    'the Problems panel lists a histlint date/ diagnostic',
    Boolean(datesRows),
    `rows: ${JSON.stringify(await wb.problems(''))}`,
  );
  const garbleRows = await wb.problemsWith('garble/', 'histlint(garble/', UI_TIMEOUT_MS);
  record(
    'the Problems panel lists a histlint garble/ diagnostic',
    Boolean(garbleRows),
    `rows: ${JSON.stringify(await wb.problems(''))}`,
  );
  const ageRow = (datesRows || []).find((row) => /\bage\b|\baged?\b|\b6[01]\b/.test(row));
  record(
    'a date/ diagnostic explains the age contradiction',
    Boolean(ageRow),
    `date/ rows: ${JSON.stringify(datesRows)}`,
  );
  await wb.problems('');
  await page.screenshot({ path: path.join(artifacts, 'vscode-problems.png') });

  // Hover a name with the mouse, as a reader would.
  await page.locator('.editor-instance .monaco-editor').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Home');
  const position = await wb.wordPosition('Trotsky');
  if (!record('the dates seed shows "Trotsky" on screen', Boolean(position))) return;
  await page.mouse.move(position.x, position.y);
  const hover = page.locator('.monaco-hover:visible', { hasText: '1879' }).first();
  const card = await hover
    .waitFor({ timeout: UI_TIMEOUT_MS })
    .then(() => hover.innerText())
    .catch(() => null);
  log(`hover card: ${JSON.stringify(card)}`);
  record('hovering "Trotsky" shows a card', Boolean(card));
  if (card) {
    record('the card gives 1879 and 1940', card.includes('1879') && card.includes('1940'), card);
    const rendered = await hover.locator('.rendered-markdown').count();
    record('the card is rendered Markdown', rendered > 0 && !card.includes('**'), card);
  }
  await page.screenshot({ path: path.join(artifacts, 'vscode-hover.png') });
  await page.mouse.move(5, 500);

  // Commands: Show Output names the server that runs (the one bundled in the .vsix).
  await wb.runCommand('histlint: Show Output');
  const outputShowsServer = await poll(
    async () => (await wb.outputText()).includes('/server/bin/histlint lsp'),
    UI_TIMEOUT_MS,
  );
  record(
    '"histlint: Show Output" shows the bundled server starting',
    outputShowsServer,
    await wb.outputText(),
  );
  await wb.runCommand('histlint: Restart Server');
  const restarted = await poll(
    async () => ((await wb.outputText()).match(/starting .*histlint lsp/g) || []).length >= 2,
    UI_TIMEOUT_MS,
  );
  record('"histlint: Restart Server" starts a new server', restarted, await wb.outputText());
  await wb.runCommand('View: Focus Problems');
  record(
    'diagnostics are back after the restart',
    Boolean(await wb.problemsWith('garble/', 'histlint(garble/', DIAGNOSTICS_TIMEOUT_MS)),
  );

  // Settings reach the server: turning the garble family off clears its diagnostics.
  writeUserSettings({ 'histlint.rules': { 'garble/*': 'off' } });
  const cleared = await poll(
    async () => !(await wb.problems('garble/')).some((row) => row.includes('histlint(garble/')),
    DIAGNOSTICS_TIMEOUT_MS,
  );
  record('histlint.rules {"garble/*": "off"} clears garble/ diagnostics', cleared);
  writeUserSettings({ 'histlint.rules': undefined });
  record(
    'removing the setting brings them back',
    Boolean(await wb.problemsWith('garble/', 'histlint(garble/', DIAGNOSTICS_TIMEOUT_MS)),
  );

  // A server that keeps dying: a warning, restarts with back-off.
  await wb.clearNotifications();
  const crashing = path.join(workspace, '..', 'crashing-server.sh');
  fs.writeFileSync(crashing, '#!/bin/sh\necho "simulated crash" >&2\nexit 3\n', { mode: 0o755 });
  writeUserSettings({ 'histlint.path': crashing });
  const crashNote = await poll(
    async () => (await wb.notifications()).find((text) => text.includes('restarting in')),
    UI_TIMEOUT_MS,
  );
  record('a crashing server is reported with its restart delay', Boolean(crashNote), JSON.stringify(await wb.notifications()));
  await page.screenshot({ path: path.join(artifacts, 'vscode-crash.png') });

  // A missing binary: a clear error that names the setting.
  await wb.clearNotifications();
  writeUserSettings({ 'histlint.path': path.join(workspace, 'no-such-histlint') });
  const missingNote = await poll(
    async () => (await wb.notifications()).find((text) => text.includes('histlint.path')),
    UI_TIMEOUT_MS,
  );
  record('a missing binary is reported, naming histlint.path', Boolean(missingNote), JSON.stringify(await wb.notifications()));
  writeUserSettings({ 'histlint.path': undefined });
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let exitCode = 0;
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await run(page);
  } catch (err) {
    record('the browser test ran to the end', false, err && err.stack ? err.stack : String(err));
    await page.screenshot({ path: path.join(artifacts, 'vscode-failure.png') }).catch(() => undefined);
    exitCode = 1;
  } finally {
    await browser.close();
    fs.closeSync(results);
  }
  process.exit(exitCode);
})();
