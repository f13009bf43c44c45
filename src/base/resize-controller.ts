import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width. The width is read once when the host connects, so the first
 * render already lays out at the real width (otherwise it would render at the default, paint that,
 * and re-render one frame later: bench/RESULTS.md F1). Later changes come from a ResizeObserver,
 * coalesced into one animation frame; only a changed, non-zero width is passed on, which avoids
 * "ResizeObserver loop" errors and keeps the last layout while the element is hidden
 * (`display: none` reports 0).
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
    const first = contentWidth(this.host);
    if (first > 0 && first !== this.width) {
      this.width = first;
      this.onResize(first);
    }
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

/** The content-box width the observer would report: client width less horizontal padding. */
function contentWidth(element: Element): number {
  const client = element.clientWidth;
  if (client <= 0) return 0;
  const style = getComputedStyle(element);
  return Math.floor(client - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0));
}
