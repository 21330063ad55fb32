/**
 * Resolves once the next frame has painted: for start-up work that must not delay the first paint
 * (a requestAnimationFrame callback runs before the paint, a timeout queued from it after).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
