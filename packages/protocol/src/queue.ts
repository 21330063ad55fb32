import { z } from 'zod';
import { Id } from './primitives.js';

/** Where a waiting visitor stands. Pushed whenever the position or the estimate changes. */
export const QueueUpdate = z.object({
  conversationId: Id,
  /** 1 = next to be served. */
  position: z.number().int().positive(),
  /** Estimated seconds until an agent answers; null while there is no basis for an estimate. */
  estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
});
export type QueueUpdate = z.infer<typeof QueueUpdate>;
