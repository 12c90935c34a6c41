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
const userData = process.env.HISTLINT_USER_DATA;
const results = fs.openSync(process.env.HISTLINT_RESULTS, 'w');

const PROBLEMS = 'View: Focus Problems (Errors, Warnings, Infos)';
const WORKBENCH_TIMEOUT_MS = 60000;
const DIAGNOSTICS_TIMEOUT_MS = 45000;
const UI_TIMEOUT_MS = 10000;

function record(name, ok, detail) {
  const why = String(detail ?? '').replace(/\s+/g, ' ').slice(0, 800);
  const line = `${ok ? 'PASS' : 'FAIL'} ${name}${!ok && why ? `: ${why}` : ''}`;
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

// The text of the extension's "histlint" output channel, which VS Code also writes to a file.
function outputChannelLog() {
  const logs = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/-histlint\.log$/.test(entry.name) && file.includes('output_logging_')) logs.push(file);
    }
  };
  walk(path.join(userData, 'logs'));
  return logs.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
}

class Workbench {
  constructor(page) {
    this.page = page;
  }

  // Runs a command from the Command Palette by its exact title (the palette's top entry may be
  // a longer title that merely contains it, e.g. "View: Close Editor Group").
  async runCommand(title) {
    const { page } = this;
    const widget = page.locator('.quick-input-widget');
    await page.keyboard.press('F1');
    await widget.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await widget.locator('input').fill(`>${title}`);
    // A row's aria-label is the title, plus ", recently used" and the like.
    const rows = widget.locator('.monaco-list-row');
    const index = await poll(async () => {
      const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      const found = labels.findIndex((label) => label === title || label.startsWith(`${title},`));
      return found >= 0 ? found + 1 : null; // 1-based so that the first row is truthy
    }, UI_TIMEOUT_MS);
    if (!index) throw new Error(`no command "${title}" in the Command Palette`);
    await rows.nth(index - 1).click();
    await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  // Double-click in the Explorer: a pinned editor (a single click's preview would be replaced by
  // the next file, closing the first document).
  async openFile(name) {
    await this.page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: name })
      .first()
      .dblclick();
    await this.page
      .locator('.tabs-container .tab.active', { hasText: name })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    // The text must be on screen before anything reads it.
    await this.page.locator('.editor-instance .view-lines .view-line').first().waitFor();
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

  // Problems rows read "message histlint family/rule [Ln, Col]" (the parentheses are CSS).
  async rowsOfFamily(family) {
    const rows = await this.problems(`${family}/`);
    return rows.filter((row) => row.includes(`histlint ${family}/`));
  }

  async waitForFamily(family, timeoutMs) {
    return poll(async () => {
      const rows = await this.rowsOfFamily(family);
      return rows.length > 0 ? rows : null;
    }, timeoutMs);
  }

  async waitForNoFamily(family, timeoutMs) {
    return poll(async () => (await this.rowsOfFamily(family)).length === 0, timeoutMs);
  }

  // Edits settings the way a user does: "Preferences: Open User/Workspace Settings (JSON)",
  // replace the text, save. `scope` is 'User' or 'Workspace'. (histlint.path is machine-scoped:
  // a remote window such as code-server ignores it in user settings, as VS Code documents.)
  async updateSettings(scope, changes) {
    const { page } = this;
    const file =
      scope === 'User' ? settingsFile : path.join(workspace, '.vscode', 'settings.json');
    const settings = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8') || '{}') : {};
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete settings[key];
      else settings[key] = value;
    }
    const text = JSON.stringify(settings);
    await this.runCommand(`Preferences: Open ${scope} Settings (JSON)`);
    await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(text);
    // Drop what auto-closing added after the inserted text.
    await page.keyboard.press('Shift+Control+End');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+S');
    const saved = await poll(
      async () => fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text,
      UI_TIMEOUT_MS,
    );
    if (!saved) throw new Error(`${file} was not saved`);
    await page.locator('.tabs-container .tab.active', { hasText: 'settings.json' }).locator('.codicon-close').click();
    await page.locator('.tabs-container .tab', { hasText: 'settings.json' }).waitFor({ state: 'detached' });
  }

  async notifications() {
    return this.page.$$eval('.notifications-toasts .notification-toast', (toasts) =>
      toasts.map((toast) => toast.innerText.replace(/\s*\n\s*/g, ' ')),
    );
  }

  async clearNotifications() {
    await this.runCommand('Notifications: Clear All Notifications').catch(() => undefined);
  }

  // The channel the Output panel shows, as its picker names it.
  async selectedOutputChannel() {
    return this.page.evaluate(() => {
      for (const select of document.querySelectorAll('.panel select.monaco-select-box')) {
        const option = select.options[select.selectedIndex];
        if (option) return option.text;
      }
      return null;
    });
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

  await wb.runCommand(PROBLEMS);
  const dateRows = await wb.waitForFamily('date', DIAGNOSTICS_TIMEOUT_MS);
  log(`diagnostics after ${Date.now() - started} ms`);
  const allRows = JSON.stringify(await wb.problems(''));
  record('the Problems panel lists a histlint date/ diagnostic', Boolean(dateRows), `rows: ${allRows}`);
  const garbleRows = await wb.waitForFamily('garble', UI_TIMEOUT_MS);
  record('the Problems panel lists a histlint garble/ diagnostic', Boolean(garbleRows), `rows: ${allRows}`);
  record(
    'a date/ diagnostic explains the age contradiction (60, not 61)',
    (dateRows || []).some((row) => /\b60\b/.test(row) && /\b61\b/.test(row)),
    `date/ rows: ${JSON.stringify(dateRows)}`,
  );
  await wb.problems('');
  await page.screenshot({ path: path.join(artifacts, 'vscode-problems.png') });

  // Hover a name with the mouse, as a reader would.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
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

  // The timeline beside the document: clicking a finding's mark moves the cursor to its sentence.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await wb.runCommand('histlint: Show Timeline');
  // The webview's page runs in nested frames; find the one holding the chart.
  const timelineFrame = await poll(async () => {
    for (const frame of page.frames()) {
      if (await frame.locator('a.mark.finding').count().catch(() => 0)) return frame;
    }
    return null;
  }, DIAGNOSTICS_TIMEOUT_MS);
  if (record('"histlint: Show Timeline" opens the timeline with finding marks', Boolean(timelineFrame))) {
    await page.screenshot({ path: path.join(artifacts, 'vscode-timeline.png') });
    const mark = timelineFrame.locator('a.mark.finding').first();
    const line = Number(await mark.getAttribute('data-line'));
    const column = Number(await mark.getAttribute('data-col'));
    await mark.click({ force: true });
    const want = `Ln ${line + 1}, Col ${column + 1}`;
    const cursor = () =>
      page.$$eval('.statusbar-item', (items) => items.map((item) => item.innerText).find((t) => /^Ln \d+, Col \d+/.test(t)) || '');
    const moved = await poll(async () => (await cursor()).startsWith(want), UI_TIMEOUT_MS);
    record('clicking a mark moves the cursor to its sentence', moved, `want ${want}, status bar: ${await cursor()}`);
    // Close the timeline, whose tab title names dates.txt too.
    const tab = page.locator('.tabs-container .tab[aria-label^="Timeline:"]');
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click();
    await tab.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  // Commands. The output channel's text is read from its log file: the panel renders only the
  // lines on screen, and the server's log scrolls the first ones away.
  await wb.runCommand('histlint: Show Output');
  const shown = await poll(async () => (await wb.selectedOutputChannel()) === 'histlint', UI_TIMEOUT_MS);
  record('"histlint: Show Output" shows the histlint channel', shown, await wb.selectedOutputChannel());
  const starts = () => outputChannelLog().match(/\[histlint\] starting .*/g) || [];
  record(
    'the bundled server is the one started',
    starts().length > 0 && starts()[0].endsWith('/server/bin/histlint lsp'),
    JSON.stringify(starts()),
  );
  await wb.runCommand('histlint: Restart Server');
  const restarted = await poll(async () => starts().length >= 2, UI_TIMEOUT_MS);
  record('"histlint: Restart Server" starts a new server', restarted, JSON.stringify(starts()));
  await wb.runCommand(PROBLEMS);
  record(
    'diagnostics are back after the restart',
    Boolean(await wb.waitForFamily('garble', DIAGNOSTICS_TIMEOUT_MS)),
  );

  // Settings reach the server: turning the garble family off clears its diagnostics only.
  await wb.updateSettings('User', { 'histlint.rules': { 'garble/*': 'off' } });
  await wb.runCommand(PROBLEMS);
  const cleared = await wb.waitForNoFamily('garble', DIAGNOSTICS_TIMEOUT_MS);
  // Closing the document would clear them too: it must still be open.
  const stillOpen = await page.locator('.tabs-container .tab', { hasText: 'garbled.txt' }).count();
  record(
    'histlint.rules {"garble/*": "off"} clears garble/ diagnostics',
    cleared && stillOpen > 0,
    JSON.stringify(await wb.problems('')),
  );
  record('… and keeps the date/ ones', (await wb.rowsOfFamily('date')).length > 0);
  await wb.updateSettings('User', { 'histlint.rules': undefined });
  await wb.runCommand(PROBLEMS);
  record(
    'removing the setting brings garble/ diagnostics back',
    Boolean(await wb.waitForFamily('garble', DIAGNOSTICS_TIMEOUT_MS)),
  );

  // A server that keeps dying: one warning naming the restart delay, nothing else.
  await wb.clearNotifications();
  const crashing = path.join(workspace, '..', 'crashing-server.sh');
  fs.writeFileSync(crashing, '#!/bin/sh\necho "simulated crash" >&2\nexit 3\n', { mode: 0o755 });
  await wb.updateSettings('Workspace', { 'histlint.path': crashing });
  const crashNote = await poll(
    async () => (await wb.notifications()).find((text) => text.includes('restarting in')),
    UI_TIMEOUT_MS,
  );
  record(
    'a crashing server is reported with its restart delay',
    Boolean(crashNote),
    JSON.stringify(await wb.notifications()),
  );
  await page.waitForTimeout(4000); // the next restarts (after 1 and 2 s) fail too
  const toasts = await wb.notifications();
  record(
    'one warning for the series of restarts, and no other toast',
    toasts.length === 1 && toasts[0].includes('restarting in'),
    JSON.stringify(toasts),
  );
  await page.screenshot({ path: path.join(artifacts, 'vscode-crash.png') });

  // A missing binary: a clear error that names the setting.
  await wb.clearNotifications();
  await wb.updateSettings('Workspace', { 'histlint.path': path.join(workspace, 'no-such-histlint') });
  const missingNote = await poll(
    async () => (await wb.notifications()).find((text) => text.includes('histlint.path')),
    UI_TIMEOUT_MS,
  );
  record(
    'a missing binary is reported, naming histlint.path',
    Boolean(missingNote),
    JSON.stringify(await wb.notifications()),
  );
  await wb.updateSettings('Workspace', { 'histlint.path': undefined });
}

async function main() {
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
}

main();
