/**
 * The server origins the workbench page may connect to (SECURITY D3): its CSP is fixed when the
 * document loads, so a server chosen on the login screen needs a reload before it is reachable.
 * `sources` lists the candidates (the stored session's, the one chosen at login, the policy's,
 * this computer's); this remembers which of them the loaded document was given.
 */
export class ServerOrigins {
  #page = new Set<string>();

  constructor(private readonly sources: () => ReadonlyArray<string | null | undefined>) {}

  /** The origins for a response's CSP; a document's become what the page allows. */
  forResponse(isDocument: boolean): string[] {
    const origins = [...new Set(this.sources().flatMap((url) => (url ? [originOf(url)] : [])))].filter(
      (origin): origin is string => origin !== null,
    );
    if (isDocument) this.#page = new Set(origins);
    return origins;
  }

  /** Whether the page as loaded can reach `serverUrl` without a reload. */
  pageAllows(serverUrl: string): boolean {
    const origin = originOf(serverUrl);
    return origin !== null && this.#page.has(origin);
  }
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
