import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width. Updates are coalesced into one animation frame and only a
 * changed, non-zero width is passed on, which avoids "ResizeObserver loop" errors and keeps the
 * last layout while the element is hidden (`display: none` reports 0).
 */
export class ResizeController implements ReactiveController {
  width = 0;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly onResize: (width: number) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        if (width > 0 && width !== this.width) {
          this.width = width;
          this.onResize(width);
        }
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
