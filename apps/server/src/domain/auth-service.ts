import { randomUUID } from 'node:crypto';
import type { LoginResponse, SessionRevoked, User } from '@switchboard/protocol';
import type { Db } from '../store/open-sqlite.js';
import type { UserRecord } from '../store/records.js';
import {
  consumeRefreshToken,
  getSession,
  insertRefreshToken,
  insertSession,
  revokeSessions,
} from '../store/sessions.js';
import { getUserByEmail, getUserById, teamIdsOf, updatePasswordHash } from '../store/users.js';
import { DomainError } from './errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { StaffPrincipal } from './principal.js';
import {
  hashOpaqueToken,
  newOpaqueToken,
  signAccessToken,
  type TokenSettings,
  verifyAccessToken,
} from './tokens.js';

export type RevocationReason = SessionRevoked['reason'];

/** A verified access token: who presents it, and until when it is good (epoch milliseconds). */
export interface Authenticated {
  principal: StaffPrincipal;
  expiresAt: number;
}

export interface AuthServiceOptions {
  tokens: TokenSettings;
  refreshTokenTtlDays: number;
  scryptCost: number;
  /** Called after sessions are revoked, so live sockets of those sessions can be closed. */
  onRevoked: (sessionIds: string[], reason: RevocationReason) => void;
}

export class AuthService {
  #dummyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: AuthServiceOptions,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await getUserByEmail(this.db, email);
    // Hash even for unknown accounts so response time does not reveal which emails exist.
    this.#dummyHash ??= hashPassword('dummy password', this.options.scryptCost);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await this.#dummyHash));
    if (!user || !valid || !user.active) {
      throw new DomainError('invalid-credentials', 'Email or password is incorrect.');
    }
    const sessionId = randomUUID();
    await insertSession(this.db, sessionId, user.id);
    return this.#issue(user, sessionId);
  }

  /** Rotates the refresh token. Presenting a used one revokes its whole session family. */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const consumed = await consumeRefreshToken(this.db, hashOpaqueToken(refreshToken));
    if (!consumed) throw new DomainError('token-invalid', 'Unknown refresh token.');
    const { token, firstUse } = consumed;
    if (!firstUse) {
      await this.#revoke({ sessionId: token.sessionId }, 'refresh-token-reused');
      throw new DomainError(
        'refresh-token-reused',
        'This refresh token was already used; the session is revoked.',
      );
    }
    if (Date.parse(token.expiresAt) <= Date.now())
      throw new DomainError('token-expired', 'The refresh token has expired.');
    const session = await getSession(this.db, token.sessionId);
    if (!session || session.revokedAt) throw new DomainError('session-revoked', 'The session was revoked.');
    const user = await getUserById(this.db, session.userId);
    if (!user?.active) throw new DomainError('session-revoked', 'The account is deactivated.');
    return this.#issue(user, session.id);
  }

  async logout(principal: StaffPrincipal): Promise<void> {
    await this.#revoke({ sessionId: principal.sessionId }, 'logout');
  }

  /** Changing the password ends every session of the user, this one included. */
  async changePassword(
    principal: StaffPrincipal,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await getUserById(this.db, principal.userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new DomainError('invalid-credentials', 'The current password is incorrect.');
    }
    await updatePasswordHash(this.db, user.id, await hashPassword(newPassword, this.options.scryptCost));
    await this.#revoke({ userId: user.id }, 'password-changed');
  }

  /** Ends every session of a user (deactivation, role change); their live sockets are closed. */
  async revokeUser(userId: string, reason: 'deactivated' | 'role-changed'): Promise<void> {
    await this.#revoke({ userId }, reason);
  }

  async me(principal: StaffPrincipal): Promise<User> {
    const user = await getUserById(this.db, principal.userId);
    if (!user?.active) throw new DomainError('session-revoked', 'The account no longer exists.');
    return toUser(this.db, user);
  }

  /** Access token → principal; refuses tokens of revoked sessions and deactivated accounts. */
  async authenticate(accessToken: string): Promise<StaffPrincipal> {
    return (await this.authenticateWithExpiry(accessToken)).principal;
  }

  /** As `authenticate`, with the token's expiry: a live socket is good only until then. */
  async authenticateWithExpiry(accessToken: string): Promise<Authenticated> {
    const claims = await verifyAccessToken(accessToken, this.options.tokens);
    const [session, user] = await Promise.all([
      getSession(this.db, claims.sessionId),
      getUserById(this.db, claims.userId),
    ]);
    if (!session || session.revokedAt || session.userId !== claims.userId) {
      throw new DomainError('session-revoked', 'The session was revoked; sign in again.');
    }
    if (!user?.active || user.role !== claims.role) {
      throw new DomainError('session-revoked', 'The account changed; sign in again.');
    }
    return {
      principal: {
        kind: 'staff',
        userId: user.id,
        sessionId: session.id,
        role: user.role,
        name: user.name,
        email: user.email,
        teamIds: await teamIdsOf(this.db, user.id),
      },
      expiresAt: claims.expiresAt,
    };
  }

  async #revoke(where: { sessionId: string } | { userId: string }, reason: RevocationReason): Promise<void> {
    const revoked = await revokeSessions(this.db, where, reason);
    if (revoked.length > 0) this.options.onRevoked(revoked, reason);
  }

  async #issue(user: UserRecord, sessionId: string): Promise<LoginResponse> {
    const access = await signAccessToken(
      { userId: user.id, sessionId, role: user.role },
      this.options.tokens,
    );
    const refresh = newOpaqueToken();
    const refreshExpiresAt = new Date(
      Date.now() + this.options.refreshTokenTtlDays * 86_400_000,
    ).toISOString();
    await insertRefreshToken(this.db, { hash: refresh.hash, sessionId, expiresAt: refreshExpiresAt });
    return {
      user: await toUser(this.db, user),
      tokens: {
        accessToken: access.token,
        accessTokenExpiresAt: access.expiresAt,
        refreshToken: refresh.token,
        refreshTokenExpiresAt: refreshExpiresAt,
      },
    };
  }
}

export async function toUser(db: Db, user: UserRecord): Promise<User> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    teamIds: await teamIdsOf(db, user.id),
  };
}
