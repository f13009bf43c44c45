/**
 * The optional export menu (`exportable` attribute): a small "Export" button under the element that
 * opens a menu — Download SVG, Download PNG, Copy summary. Keyboard: Enter/Space/ArrowDown open it
 * and focus the first item, ArrowUp/ArrowDown/Home/End move, Escape closes and returns focus to the
 * button, Tab leaves (and closes). No inline styles; left out of exports (`data-export-ignore`).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { download } from './export.js';

export interface Exportable extends ReactiveControllerHost, HTMLElement {
  toSVG(): string;
  toPNG(): Promise<Blob>;
  readonly summary: string;
  readonly shadowRoot: ShadowRoot | null;
}

export type ExportAction = 'svg' | 'png' | 'summary';

export class ExportMenu implements ReactiveController {
  open = false;
  /** Last outcome, announced in a live region ("Summary copied"). */
  status = '';

  constructor(
    private readonly host: Exportable,
    private readonly filename: () => string,
    private readonly emit: (action: ExportAction, ok: boolean) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  private items(): HTMLElement[] {
    return [...(this.host.shadowRoot?.querySelectorAll<HTMLElement>('.export-menu [role="menuitem"]') ?? [])];
  }

  private async setOpen(open: boolean, focus: 'first' | 'last' | 'button' | null): Promise<void> {
    this.open = open;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (focus === 'button') this.host.shadowRoot?.querySelector<HTMLElement>('.export-toggle')?.focus();
    else if (focus) {
      const items = this.items();
      (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
    }
  }

  private onToggleKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.setOpen(true, event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  private onToggleClick = (event: MouseEvent) => {
    // Opened by keyboard (detail 0) → focus the first item, as the menu-button pattern asks.
    void this.setOpen(!this.open, !this.open && event.detail === 0 ? 'first' : null);
  };

  private onMenuKey = (event: KeyboardEvent) => {
    const items = this.items();
    const index = items.indexOf(this.host.shadowRoot?.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') void this.setOpen(false, 'button');
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  private onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    const wrapper = event.currentTarget as HTMLElement;
    if (this.open && (!next || !wrapper.contains(next))) {
      this.open = false;
      this.host.requestUpdate();
    }
  };

  /** Runs one action; never throws into the page. */
  async run(action: ExportAction): Promise<void> {
    let ok = true;
    try {
      if (action === 'svg') download(new Blob([this.host.toSVG()], { type: 'image/svg+xml' }), `${this.filename()}.svg`);
      else if (action === 'png') download(await this.host.toPNG(), `${this.filename()}.png`);
      else await navigator.clipboard.writeText(this.host.summary);
      this.status = action === 'summary' ? 'Summary copied' : `${action.toUpperCase()} downloaded`;
    } catch {
      ok = false;
      this.status = action === 'summary' ? 'Could not copy the summary' : `Could not export ${action.toUpperCase()}`;
    }
    this.emit(action, ok);
    await this.setOpen(false, 'button');
  }

  render(): TemplateResult {
    const item = (action: ExportAction, label: string) =>
      html`<button type="button" role="menuitem" tabindex="-1" @click=${() => this.run(action)}>${label}</button>`;
    return html`<div class="export" part="export" data-export-ignore @focusout=${this.onFocusOut}>
      <button
        type="button"
        class="export-toggle"
        part="export-button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        @click=${this.onToggleClick}
        @keydown=${this.onToggleKey}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      ${this.open
        ? html`<div class="export-menu" role="menu" aria-label="Export" @keydown=${this.onMenuKey}>
            ${item('svg', 'Download SVG')} ${item('png', 'Download PNG')} ${item('summary', 'Copy summary')}
          </div>`
        : nothing}
      <span class="sr-only" role="status">${this.status}</span>
    </div>`;
  }
}
