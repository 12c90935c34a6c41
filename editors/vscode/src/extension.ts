// The histlint VS Code extension: starts `histlint lsp` for the configured languages and keeps it
// running. All analysis lives in the server; this file only wires VS Code to it.
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

import { resolveServerPath, ServerPathError } from './serverPath';
import { CrashTracker } from './crashTracker';
import { TimelinePanel } from './timeline';

const SECTION = 'histlint';
// Settings that change how the client is started; anything else is forwarded to the running server.
const RESTART_SETTINGS = ['histlint.path', 'histlint.languages'];
const SERVER_SETTINGS = ['rules', 'thresholds', 'documentDate', 'citationScope', 'inlayHints'] as const;

// The part of the `histlint` settings the server reads (workspace/configuration and
// didChangeConfiguration). Client-side settings (path, languages, trace) are not sent.
function serverSettings(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const settings: Record<string, unknown> = {
    rules: config.get<Record<string, string>>('rules', {}),
    thresholds: config.get<Record<string, number>>('thresholds', {}),
    citationScope: config.get<string>('citationScope', 'sentence'),
    inlayHints: config.get<boolean>('inlayHints', true),
  };
  const documentDate = config.get<string>('documentDate', '').trim();
  if (documentDate) settings.documentDate = documentDate;
  return settings;
}

// Answers one workspace/configuration item about our section, or undefined for other sections.
function configurationItem(section: string | undefined, scope?: vscode.Uri): unknown {
  if (section === SECTION) return serverSettings(scope);
  const prefix = `${SECTION}.`;
  if (section?.startsWith(prefix)) {
    const key = section.slice(prefix.length);
    if ((SERVER_SETTINGS as readonly string[]).includes(key)) return serverSettings(scope)[key] ?? null;
  }
  return undefined;
}

// The library forces an error toast for every failed start; the controller already reports
// failures (once per series, with the restart delay), so those go to the output channel only.
class HistlintClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }
}

class ServerController {
  private client: LanguageClient | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  // Set once a start was asked for, so a missing binary is reported once, not per opened file.
  private startRequested = false;
  private readonly crashes = new CrashTracker();

  // The server reloads configuration and the workspace knowledge base when these change. Made
  // once: every client of this window shares them.
  private readonly watchers: vscode.FileSystemWatcher[];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
  ) {
    this.watchers = [
      vscode.workspace.createFileSystemWatcher('**/.histlint.json'),
      vscode.workspace.createFileSystemWatcher('**/.histlint/**'),
    ];
    context.subscriptions.push(...this.watchers);
  }

  get started(): boolean {
    return this.startRequested;
  }

  async start(): Promise<void> {
    this.cancelPendingRestart();
    this.startRequested = true;
    let command: string;
    try {
      command = resolveServerPath(
        vscode.workspace.getConfiguration(SECTION).get<string>('path', ''),
        this.context.extensionPath,
        vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      );
    } catch (err) {
      if (!(err instanceof ServerPathError)) throw err;
      this.output.appendLine(`[histlint] ${err.message}`);
      void this.notifyMissingBinary(err.message);
      return;
    }
    this.output.appendLine(`[histlint] starting ${command} lsp`);

    const serverOptions: ServerOptions = {
      command,
      args: ['lsp'],
      transport: TransportKind.stdio,
    };
    const languages = vscode.workspace
      .getConfiguration(SECTION)
      .get<string[]>('languages', ['markdown', 'plaintext']);
    const clientOptions: LanguageClientOptions = {
      documentSelector: languages.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      synchronize: { fileEvents: this.watchers },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const defaults = await next(params, token);
            if (!Array.isArray(defaults)) return defaults;
            return params.items.map((item, i) => {
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              return configurationItem(item.section, scope) ?? defaults[i];
            });
          },
        },
      },
      // The server exiting during initialize also ends in closed(), which reports it: no toast
      // here, only the log line.
      initializationFailedHandler: (error) => {
        this.output.appendLine(`[histlint] initialization failed: ${String(error)}`);
        return false;
      },
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult => ({
          action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
        }),
        closed: (): CloseHandlerResult => {
          if (!this.stopping) this.onUnexpectedExit();
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };

    const client = new HistlintClient('histlint', 'histlint', serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
    } catch (err) {
      // A failed start (the binary exits at once, initialize fails) also ends in closed(), which
      // schedules the restart; here we only log why.
      this.output.appendLine(`[histlint] failed to start: ${String(err)}`);
    }
  }

  async stop(): Promise<void> {
    this.cancelPendingRestart();
    this.startRequested = false;
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    this.stopping = true;
    try {
      if (client.isRunning()) await client.stop(5000);
      await client.dispose();
    } catch (err) {
      this.output.appendLine(`[histlint] error while stopping: ${String(err)}`);
    } finally {
      this.stopping = false;
    }
  }

  async restart(): Promise<void> {
    this.crashes.reset();
    await this.stop();
    await this.start();
  }

  // A custom request to the server; undefined when it is not running.
  async request<R>(method: string, params: unknown): Promise<R | undefined> {
    if (!this.client?.isRunning()) return undefined;
    return this.client.sendRequest<R>(method, params);
  }

  sendConfiguration(): void {
    if (!this.client?.isRunning()) return;
    void this.client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { [SECTION]: serverSettings() },
    });
  }

  private onUnexpectedExit(): void {
    const delayMs = this.crashes.recordCrash();
    const dead = this.client;
    this.client = undefined;
    void dead?.dispose().catch(() => undefined);
    if (delayMs === undefined) {
      const message =
        `The histlint server stopped ${CrashTracker.MAX_CRASHES} times in ` +
        `${CrashTracker.WINDOW_MS / 60000} minutes and will not be restarted.`;
      this.output.appendLine(`[histlint] ${message}`);
      void vscode.window
        .showErrorMessage(message, 'Restart', 'Show Output')
        .then((choice) => this.onNotificationChoice(choice));
      return;
    }
    const seconds = delayMs / 1000;
    this.output.appendLine(`[histlint] server exited unexpectedly; restarting in ${seconds} s`);
    // One warning per series of exits; later restarts are logged, and giving up is an error.
    if (this.crashes.count === 1) {
      void vscode.window
        .showWarningMessage(
          `The histlint server stopped unexpectedly; restarting in ${seconds} s.`,
          'Show Output',
        )
        .then((choice) => this.onNotificationChoice(choice));
    }
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.start();
    }, delayMs);
  }

  private async notifyMissingBinary(message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'histlint.path');
    } else {
      this.onNotificationChoice(choice);
    }
  }

  private onNotificationChoice(choice: string | undefined): void {
    if (choice === 'Show Output') this.output.show(true);
    if (choice === 'Restart') void this.restart();
  }

  private cancelPendingRestart(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }
}

let controller: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('histlint');
  const server = new ServerController(context, output);
  controller = server;
  context.subscriptions.push(output);

  const isChecked = (document: vscode.TextDocument): boolean =>
    vscode.workspace
      .getConfiguration(SECTION)
      .get<string[]>('languages', [])
      .includes(document.languageId);
  // The server starts with the first checked document, so a window without prose costs nothing.
  const startIfNeeded = (document: vscode.TextDocument): void => {
    if (!server.started && isChecked(document)) void server.start();
  };

  const timeline = new TimelinePanel((uri) =>
    server.request<{ html?: string }>('histlint/timeline', { textDocument: { uri }, html: true }),
  );
  context.subscriptions.push(
    timeline,
    vscode.commands.registerCommand('histlint.restartServer', () => server.restart()),
    vscode.commands.registerCommand('histlint.showTimeline', () =>
      timeline.show(vscode.window.activeTextEditor),
    ),
    vscode.commands.registerCommand('histlint.showOutput', () => output.show(true)),
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      const changed = RESTART_SETTINGS.filter((name) => event.affectsConfiguration(name));
      if (changed.length > 0) {
        output.appendLine(`[histlint] ${changed.join(', ')} changed`);
        if (server.started) await server.restart();
        else vscode.workspace.textDocuments.forEach(startIfNeeded);
      } else if (event.affectsConfiguration(SECTION)) {
        server.sendConfiguration();
      }
    }),
  );
  vscode.workspace.textDocuments.forEach(startIfNeeded);
}

// VS Code waits for this promise, so the server gets its shutdown/exit before the window closes.
export function deactivate(): Promise<void> | undefined {
  return controller?.stop();
}
