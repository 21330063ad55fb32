/**
 * How many pages `GET /api/conversations/:id/pages` returns: the newest. A module of its own,
 * without schemas, so that the workbench's first paint can use it without loading zod.
 */
export const VISITED_PAGES_LIMIT = 100;
