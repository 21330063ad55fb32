import { ReauthRequest, ReauthResponse } from '../auth.js';
import type { RequestMap } from './define.js';

export const agentSessionRequests = {
  /**
   * Present the access token of each refresh: a socket whose token has expired (after a short
   * grace) without one is disconnected. Only a token of the socket's own session is taken.
   */
  'session:reauth': { request: ReauthRequest, response: ReauthResponse },
} satisfies RequestMap;
