/**
 * Idempotent registration: a tag that is already defined (the bundle loaded twice by two wiki
 * macros, or another version of us) is left alone, with one console warning when the versions differ.
 */
export const VERSION = '0.1.0';

const warned = new Set<string>();

export function defineElement(tag: string, element: CustomElementConstructor & { version?: string }): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (existing) {
    if (existing !== element && existing.version !== element.version && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `north-star-widgets: <${tag}> is already defined (version ${existing.version ?? 'unknown'}); ` +
          `this copy (version ${element.version ?? VERSION}) is not registered. Load the bundle once to avoid this.`,
      );
    }
    return;
  }
  customElements.define(tag, element);
}
