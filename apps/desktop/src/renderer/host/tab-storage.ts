/** This tab's `sessionStorage`, or null where the browser refuses storage (disabled, or a sandboxed frame). */
export function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
