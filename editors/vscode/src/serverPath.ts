// Finds the histlint binary: the `histlint.path` setting, else the binary bundled in the .vsix,
// else `histlint` on PATH.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export class ServerPathError extends Error {}

const BINARY = process.platform === 'win32' ? 'histlint.exe' : 'histlint';

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

// Expands `~` and `${workspaceFolder}` the way users write paths in settings.json.
function expand(setting: string, workspaceFolder: string | undefined): string {
  let expanded = setting.replace(/^~(?=$|[\\/])/, os.homedir());
  if (expanded.includes('${workspaceFolder}')) {
    if (!workspaceFolder) {
      throw new ServerPathError(
        `histlint.path "${setting}" uses \${workspaceFolder}, but no folder is open.`,
      );
    }
    expanded = expanded.split('${workspaceFolder}').join(workspaceFolder);
  }
  return expanded;
}

export function resolveServerPath(
  setting: string,
  extensionPath: string,
  workspaceFolder: string | undefined,
): string {
  const configured = setting.trim();
  if (configured) {
    const expanded = expand(configured, workspaceFolder);
    // A bare name is looked up on PATH, like a shell would.
    if (!expanded.includes('/') && !expanded.includes('\\')) {
      const found = findOnPath(expanded);
      if (found) return found;
      throw new ServerPathError(
        `The histlint server "${expanded}" (histlint.path) was not found on PATH.`,
      );
    }
    const absolute = path.resolve(workspaceFolder ?? process.cwd(), expanded);
    if (isExecutableFile(absolute)) return absolute;
    throw new ServerPathError(
      `The histlint server "${absolute}" (histlint.path) does not exist or is not executable.`,
    );
  }
  const bundled = path.join(extensionPath, 'server', 'bin', BINARY);
  if (isExecutableFile(bundled)) return bundled;
  const onPath = findOnPath(BINARY);
  if (onPath) return onPath;
  throw new ServerPathError(
    'Cannot find the histlint server: this extension has no bundled binary and "histlint" is ' +
      'not on PATH. Install histlint or set histlint.path.',
  );
}
