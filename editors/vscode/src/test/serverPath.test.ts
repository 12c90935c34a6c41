import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';

import { resolveServerPath, ServerPathError } from '../serverPath';

let dir: string;
let savedPath: string | undefined;

function executable(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-path-'));
  savedPath = process.env.PATH;
  process.env.PATH = path.join(dir, 'bin');
});

afterEach(() => {
  process.env.PATH = savedPath;
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the bundled binary wins over PATH when the setting is empty', () => {
  const bundled = executable(path.join(dir, 'ext', 'server', 'bin', 'histlint'));
  executable(path.join(dir, 'bin', 'histlint'));
  assert.equal(resolveServerPath('', path.join(dir, 'ext'), undefined), bundled);
});

test('without a bundled binary, histlint is found on PATH', () => {
  const onPath = executable(path.join(dir, 'bin', 'histlint'));
  assert.equal(resolveServerPath('  ', path.join(dir, 'ext'), undefined), onPath);
});

test('a configured path wins and ${workspaceFolder} is expanded', () => {
  executable(path.join(dir, 'ext', 'server', 'bin', 'histlint'));
  const local = executable(path.join(dir, 'ws', 'tools', 'histlint'));
  const setting = '${workspaceFolder}/tools/histlint';
  assert.equal(resolveServerPath(setting, path.join(dir, 'ext'), path.join(dir, 'ws')), local);
});

test('a relative configured path is taken from the workspace folder', () => {
  const local = executable(path.join(dir, 'ws', 'tools', 'histlint'));
  assert.equal(resolveServerPath('tools/histlint', dir, path.join(dir, 'ws')), local);
});

test('a bare configured name is looked up on PATH', () => {
  const renamed = executable(path.join(dir, 'bin', 'histlint-dev'));
  assert.equal(resolveServerPath('histlint-dev', dir, undefined), renamed);
});

test('~ is the home folder', () => {
  const home = os.homedir();
  assert.throws(
    () => resolveServerPath('~/no-such-dir-histlint/histlint', dir, undefined),
    (err: Error) => err instanceof ServerPathError && err.message.includes(home),
  );
});

test('errors name what was tried', () => {
  assert.throws(
    () => resolveServerPath(path.join(dir, 'missing'), dir, undefined),
    (err: Error) => err instanceof ServerPathError && err.message.includes('histlint.path'),
  );
  fs.writeFileSync(path.join(dir, 'not-executable'), '', { mode: 0o644 });
  assert.throws(
    () => resolveServerPath(path.join(dir, 'not-executable'), dir, undefined),
    /not executable/,
  );
  assert.throws(() => resolveServerPath('', dir, undefined), /not on PATH/);
  assert.throws(() => resolveServerPath('${workspaceFolder}/x', dir, undefined), /no folder/);
});
