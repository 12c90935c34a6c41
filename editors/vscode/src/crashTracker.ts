// Decides when to restart a server that keeps exiting: exponential back-off, then give up after
// too many exits in a short window (the policy vscode-clangd and the LSP client library use).
export class CrashTracker {
  static readonly MAX_CRASHES = 5;
  static readonly WINDOW_MS = 3 * 60 * 1000;
  private static readonly FIRST_DELAY_MS = 1000;
  private static readonly MAX_DELAY_MS = 30 * 1000;

  private crashTimes: number[] = [];

  // Records an exit at `now`; returns how long to wait before restarting, or undefined to stop.
  recordCrash(now: number = Date.now()): number | undefined {
    this.crashTimes = this.crashTimes.filter((t) => now - t < CrashTracker.WINDOW_MS);
    this.crashTimes.push(now);
    const count = this.crashTimes.length;
    if (count >= CrashTracker.MAX_CRASHES) return undefined;
    return Math.min(CrashTracker.FIRST_DELAY_MS * 2 ** (count - 1), CrashTracker.MAX_DELAY_MS);
  }

  // Exits in the current window (as of the last recordCrash).
  get count(): number {
    return this.crashTimes.length;
  }

  reset(): void {
    this.crashTimes = [];
  }
}
