/**
 * A TypeScript module a test server process preloads with `--import` (after tsx), like the
 * benchmark's probe: worker threads must not inherit such flags, they cannot load them.
 */
export const PRELOADED = true;
