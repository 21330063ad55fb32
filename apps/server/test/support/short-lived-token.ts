import { signAccessToken, type TokenSettings, verifyAccessToken } from '../../src/domain/tokens.js';
import { TEST_JWT_SECRET } from './test-server.js';

/** The test server's token settings (`startTestServer`). */
const SETTINGS: TokenSettings = {
  secret: new TextEncoder().encode(TEST_JWT_SECRET),
  issuer: 'switchboard',
  audience: 'switchboard',
  accessTokenTtlSeconds: 600,
};

/**
 * An access token of the same session, user and role as `accessToken` (one a test server issued),
 * signed to expire in `seconds` (negative: already expired). The shortest configurable lifetime
 * is 30 s; tests of expiry should not wait for it.
 */
export async function expiringIn(accessToken: string, seconds: number): Promise<string> {
  const claims = await verifyAccessToken(accessToken, SETTINGS);
  const issuedAt = Date.now() - (SETTINGS.accessTokenTtlSeconds - seconds) * 1000;
  return (await signAccessToken(claims, SETTINGS, issuedAt)).token;
}
