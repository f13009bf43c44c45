import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Issue } from '../core/issues.js';
import { looksLikeCsv, parseCsv, parseJson } from '../core/parse.js';
import { errorText } from '../core/read.js';

export type LoadResult =
  | { ok: true; value: unknown; csv: boolean; refresh: boolean }
  | { ok: false; issue: Issue; refresh: boolean };

export interface LoadOptions {
  url: string;
  /** Seconds before a request that has not answered is an error. */
  timeout: number;
  /** Seconds between re-fetches; 0 or undefined for none. */
  refresh?: number;
}

/**
 * Loads `src`: fetches with same-origin credentials, aborts a request that a newer `src` replaces,
 * times out, and re-fetches every `refresh` seconds while the page is visible. Results of stale
 * requests are ignored; every failure becomes an issue that names the URL and the reason.
 */
export class SourceLoader implements ReactiveController {
  private options?: LoadOptions;
  private request?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private due = false;
  private generation = 0;
  /** Refresh timers run only while the host is in the document (a removed element stops polling). */
  private connected = false;
  private readonly onVisibility = () => {
    if (!document.hidden && this.due) this.fetchNow(true);
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onResult: (result: LoadResult) => void,
  ) {
    host.addController(this);
  }

  /** Starts loading `url` (aborting whatever was under way) or, with `undefined`, stops. */
  load(options: LoadOptions | undefined): void {
    this.stop();
    this.options = options;
    if (options) this.fetchNow(false);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    // Re-inserted (a wiki macro re-rendered, the element moved): pick refreshing up again.
    if (this.options?.refresh && !this.timer && !this.request) this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private stop(): void {
    this.generation++;
    this.request?.abort();
    this.request = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.due = false;
  }

  private schedule(): void {
    const seconds = this.options?.refresh;
    // A request that finishes after the host was removed must not start polling again.
    if (!seconds || seconds <= 0 || !this.connected) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Paused while hidden: fetch when the page is shown again.
      if (document.hidden) this.due = true;
      else this.fetchNow(true);
    }, seconds * 1000);
  }

  private async fetchNow(refresh: boolean): Promise<void> {
    const options = this.options;
    if (!options) return;
    this.due = false;
    this.request?.abort();
    const generation = ++this.generation;
    const request = new AbortController();
    this.request = request;
    let timedOut = false;
    const timeout = setTimeout(() => {
      timedOut = true;
      request.abort();
    }, Math.max(0.1, options.timeout) * 1000);
    const fail = (message: string): LoadResult => ({ ok: false, issue: { path: 'src', message: `${options.url}: ${message}` }, refresh });
    let result: LoadResult;
    try {
      const response = await fetch(options.url, { signal: request.signal, credentials: 'same-origin' });
      const contentType = response.headers.get('content-type');
      const text = await response.text();
      if (!response.ok) result = fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      else if (looksLikeCsv(contentType, options.url)) result = { ok: true, value: parseCsv(text), csv: true, refresh };
      else if (contentType && /html|xml/i.test(contentType)) result = fail(`expected JSON, got ${contentType.split(';')[0]}`);
      else {
        const parsed = parseJson(text, 'src');
        result = parsed.ok ? { ok: true, value: parsed.value, csv: false, refresh } : fail(parsed.issue.message);
      }
    } catch (error) {
      if (generation !== this.generation) return;
      result = timedOut ? fail(`timed out after ${options.timeout} s`) : fail(`network error or CORS (${errorText(error)})`);
    } finally {
      clearTimeout(timeout);
    }
    // A newer src (or none) replaced this request while it was under way.
    if (generation !== this.generation) return;
    this.request = undefined;
    this.onResult(result);
    this.schedule();
  }
}
