import { ADA, DEMO_PASSWORD } from './server-process.js';

export type AdminApi = <T>(path: string, body?: object) => Promise<T>;

/**
 * The server's REST API as the demo admin: how a test changes teams, users and routing the way an
 * admin would. A call with a body is a POST; a refused call throws with the server's answer.
 */
export async function adminApi(serverUrl: string): Promise<AdminApi> {
  const signedIn = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADA, password: DEMO_PASSWORD }),
  });
  const token = ((await signedIn.json()) as { data: { tokens: { accessToken: string } } }).data.tokens
    .accessToken;
  return async <T>(path: string, body?: object): Promise<T> => {
    const response = await fetch(`${serverUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const result = (await response.json()) as { ok: boolean; data: T };
    if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result)}`);
    return result.data;
  };
}
