import type { z } from 'zod';
import type { Result } from '../errors.js';

/** A client → server event: the payload schema and the schema of the ack's `data`. */
export interface RequestSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}
export type RequestMap = Record<string, RequestSpec>;

/** A server → client event: its payload schema. */
export type PushMap = Record<string, z.ZodType>;

export type Ack<T> = (result: Result<T>) => void;

/** socket.io `ClientToServerEvents` built from a request map: one payload object and an ack. */
export type ClientToServer<M extends RequestMap> = {
  [K in keyof M]: (payload: z.input<M[K]['request']>, ack?: Ack<z.output<M[K]['response']>>) => void;
};

/** socket.io `ServerToClientEvents` built from a push map. */
export type ServerToClient<P extends PushMap> = {
  [K in keyof P]: (payload: z.output<P[K]>) => void;
};

export type RequestOf<M extends RequestMap, K extends keyof M> = z.output<M[K]['request']>;
export type ResponseOf<M extends RequestMap, K extends keyof M> = z.output<M[K]['response']>;
