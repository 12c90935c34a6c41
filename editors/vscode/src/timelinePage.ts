// The timeline page the server writes (histlint/timeline with "html": true), made fit for a
// webview: a Content-Security-Policy that allows only its own inline style and script, and the
// messages its marks post when clicked. No VS Code API here, so it is tested under plain Node.

// A fresh nonce for the page's one script.
export function makeNonce(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (let i = 0; i < 32; i++) nonce += alphabet[Math.floor(random() * alphabet.length)];
  return nonce;
}

// The page with a policy that loads nothing from anywhere and runs only its own script.
export function securePage(html: string, nonce: string): string {
  const policy =
    `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'`;
  return html
    .replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy}">`)
    .replace(/<script>/g, `<script nonce="${nonce}">`);
}

export interface RevealTarget {
  line: number;
  character: number;
}

// The position a message from the page asks to reveal, or undefined for anything else.
export function revealTarget(message: unknown): RevealTarget | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { command, line, character } = message as Record<string, unknown>;
  if (command !== 'reveal') return undefined;
  if (!Number.isInteger(line) || !Number.isInteger(character)) return undefined;
  if ((line as number) < 0 || (character as number) < 0) return undefined;
  return { line: line as number, character: character as number };
}
