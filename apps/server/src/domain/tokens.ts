import { createHash, randomBytes } from 'node:crypto';
import { Role } from '@switchboard/protocol';
import { errors, jwtVerify, SignJWT } from 'jose';
import { DomainError } from './errors.js';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  role: Role;
}

/** The claims of a verified access token and when it expires (epoch milliseconds). */
export interface VerifiedAccess extends AccessClaims {
  expiresAt: number;
}

export interface TokenSettings {
  secret: Uint8Array;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
}

const ALGORITHM = 'HS256';

export async function signAccessToken(
  claims: AccessClaims,
  settings: TokenSettings,
  now = Date.now(),
): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now / 1000);
  const exp = iat + settings.accessTokenTtlSeconds;
  const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(settings.secret);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Verifies signature (HS256 only), issuer, audience and expiry; throws DomainError otherwise. */
export async function verifyAccessToken(token: string, settings: TokenSettings): Promise<VerifiedAccess> {
  try {
    const { payload } = await jwtVerify(token, settings.secret, {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const role = Role.safeParse(payload.role);
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string' ||
      typeof payload.exp !== 'number' ||
      !role.success
    ) {
      throw new DomainError('token-invalid', 'The access token is missing claims.');
    }
    return { userId: payload.sub, sessionId: payload.sid, role: role.data, expiresAt: payload.exp * 1000 };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new DomainError('token-expired', 'The access token has expired.');
    throw new DomainError('token-invalid', 'The access token is not valid.');
  }
}

/** An opaque bearer secret (256 bits) and the SHA-256 digest that is all the store keeps. */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
