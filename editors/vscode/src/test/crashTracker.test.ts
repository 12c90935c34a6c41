import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { CrashTracker } from '../crashTracker';

test('restart delays double from 1 s', () => {
  const tracker = new CrashTracker();
  assert.deepEqual(
    [0, 1, 2, 3].map((i) => tracker.recordCrash(1000 * i)),
    [1000, 2000, 4000, 8000],
  );
});

test('the fifth exit within three minutes stops the restarts', () => {
  const tracker = new CrashTracker();
  for (let i = 0; i < 4; i++) assert.notEqual(tracker.recordCrash(i * 1000), undefined);
  assert.equal(tracker.recordCrash(5000), undefined);
});

test('exits older than the window are forgotten', () => {
  const tracker = new CrashTracker();
  for (let i = 0; i < 4; i++) tracker.recordCrash(i * 1000);
  assert.equal(tracker.recordCrash(CrashTracker.WINDOW_MS + 3500), 1000);
  assert.equal(tracker.count, 1);
});

test('the delay never exceeds 30 s and reset starts over', () => {
  const tracker = new CrashTracker();
  // Spread the exits so that at most four fall in any window.
  const delays = [0, 1, 2, 3, 70, 71, 72, 73].map((minute) => tracker.recordCrash(minute * 60000));
  assert.ok(delays.every((delay) => delay !== undefined && delay <= 30000));
  tracker.reset();
  assert.equal(tracker.recordCrash(0), 1000);
});
