import type { WidgetRecord } from '../store/records.js';

/**
 * Which browser origins may talk to this server (SECURITY S6): the workbench origins plus each
 * widget's allowed origins. Requests without an Origin header are non-browser clients.
 */
export class OriginPolicy {
  #widgetOrigins = new Set<string>();
  #anyWidgetOrigin = false;

  readonly #workbenchOrigins: Set<string>;

  constructor(workbenchOrigins: readonly string[]) {
    this.#workbenchOrigins = new Set(workbenchOrigins.map(normalizeOrigin));
  }

  /** The server's own origin serves the web workbench, so it is always a workbench origin. */
  addWorkbenchOrigin(origin: string): void {
    this.#workbenchOrigins.add(normalizeOrigin(origin));
  }

  setWidgets(widgets: readonly WidgetRecord[]): void {
    this.#widgetOrigins = new Set(widgets.flatMap((w) => w.allowedOrigins));
    this.#anyWidgetOrigin = this.#widgetOrigins.has('*');
  }

  isWorkbench(origin: string | undefined): boolean {
    return origin === undefined || this.#workbenchOrigins.has(origin);
  }

  isKnown(origin: string | undefined): boolean {
    return (
      this.isWorkbench(origin) ||
      this.#anyWidgetOrigin ||
      (origin !== undefined && this.#widgetOrigins.has(origin))
    );
  }
}

/**
 * `scheme://host[:port]`, lower-cased. Not `URL#origin`: that is "null" for custom schemes such
 * as the desktop app's `app://switchboard`, which browsers still send as the Origin header.
 */
export function normalizeOrigin(value: string): string {
  const url = new URL(value);
  return `${url.protocol}//${url.host}`.toLowerCase();
}
