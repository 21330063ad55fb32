import type { WidgetRecord } from '../store/records.js';

/**
 * Which browser origins may talk to this server (SECURITY S6): the workbench origins plus each
 * widget's allowed origins. Requests without an Origin header are non-browser clients.
 */
export class OriginPolicy {
  #widgetOrigins = new Set<string>();
  #anyWidgetOrigin = false;

  constructor(private readonly workbenchOrigins: readonly string[]) {}

  setWidgets(widgets: readonly WidgetRecord[]): void {
    this.#widgetOrigins = new Set(widgets.flatMap((w) => w.allowedOrigins));
    this.#anyWidgetOrigin = this.#widgetOrigins.has('*');
  }

  isWorkbench(origin: string | undefined): boolean {
    return origin === undefined || this.workbenchOrigins.includes(origin);
  }

  isKnown(origin: string | undefined): boolean {
    return (
      this.isWorkbench(origin) ||
      this.#anyWidgetOrigin ||
      (origin !== undefined && this.#widgetOrigins.has(origin))
    );
  }
}
