// "histlint: Show Timeline": the server's timeline page of the active document in a webview
// beside it, redrawn as the document changes; clicking a mark moves the cursor to its sentence.
import * as vscode from 'vscode';

import { makeNonce, revealTarget, securePage } from './timelinePage';

// Sends `histlint/timeline`; undefined when the server is not running.
export type TimelineRequest = (uri: string) => Promise<{ html?: string } | undefined>;

const REDRAW_DELAY_MS = 600;

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private redrawTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly request: TimelineRequest) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document !== this.document) return;
        if (this.redrawTimer) clearTimeout(this.redrawTimer);
        this.redrawTimer = setTimeout(() => void this.draw(), REDRAW_DELAY_MS);
      }),
    );
  }

  async show(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor) {
      void vscode.window.showInformationMessage('Open a document to see its timeline.');
      return;
    }
    this.document = editor.document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'histlint.timeline',
        'Timeline',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true },
      );
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.subscriptions);
      this.panel.webview.onDidReceiveMessage((m) => void this.reveal(m), null, this.subscriptions);
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.draw();
  }

  dispose(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.panel?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }

  private async draw(): Promise<void> {
    const document = this.document;
    if (!this.panel || !document) return;
    this.panel.title = `Timeline: ${vscode.workspace.asRelativePath(document.uri)}`;
    let result: { html?: string } | undefined;
    try {
      result = await this.request(document.uri.toString());
    } catch (err) {
      void vscode.window.showErrorMessage(`histlint could not draw the timeline: ${String(err)}`);
      return;
    }
    if (!result?.html) {
      void vscode.window.showWarningMessage('The histlint server is not running for this document.');
      return;
    }
    if (this.panel && document === this.document) {
      this.panel.webview.html = securePage(result.html, makeNonce());
    }
  }

  private async reveal(message: unknown): Promise<void> {
    const target = revealTarget(message);
    if (!target || !this.document) return;
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: vscode.ViewColumn.One,
      preserveFocus: false,
    });
    const at = new vscode.Position(target.line, target.character);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
