import { describe, expect, it } from 'vitest';
import {
  HandshakeAuth,
  Hello,
  LoginRequest,
  NAMESPACES,
  PasswordChangeRequest,
  PROTOCOL_VERSION,
  ReauthRequest,
  ReauthResponse,
  RefreshRequest,
  SessionRevoked,
  VisitorSessionRequest,
} from '../src/index.js';
import { ids, now } from './fixtures.js';

describe('protocol version and handshake', () => {
  it('is version 2 on /visitor and /agent', () => {
    expect(PROTOCOL_VERSION).toBe(2);
    expect(NAMESPACES).toEqual({ visitor: '/visitor', agent: '/agent' });
  });

  it('accepts { token, protocolVersion }', () => {
    expect(HandshakeAuth.safeParse({ token: 'abc', protocolVersion: PROTOCOL_VERSION }).success).toBe(true);
  });

  it('rejects a missing or malformed token or version', () => {
    for (const auth of [
      { protocolVersion: 1 },
      { token: '', protocolVersion: 1 },
      { token: 'x'.repeat(4097), protocolVersion: 1 },
      { token: 'abc' },
      { token: 'abc', protocolVersion: '1' },
      { token: 'abc', protocolVersion: 0 },
      { token: 'abc', protocolVersion: 1.5 },
      { token: 'abc', protocolVersion: 1, role: 'admin' },
    ]) {
      expect(HandshakeAuth.safeParse(auth).success, JSON.stringify(auth)).toBe(false);
    }
  });

  it('hello names a visitor or a staff principal', () => {
    const base = { protocolVersion: 1, epoch: ids.epoch, serverTime: now };
    expect(
      Hello.safeParse({ ...base, principal: { kind: 'visitor', visitorId: ids.visitor, verified: false } })
        .success,
    ).toBe(true);
    const user = { id: ids.user, email: 'ada@example.com', name: 'Ada', role: 'agent', teamIds: [ids.team] };
    expect(Hello.safeParse({ ...base, principal: { kind: 'staff', user } }).success).toBe(true);
    expect(Hello.safeParse({ ...base, principal: { kind: 'bot' } }).success).toBe(false);
    expect(Hello.safeParse({ ...base, epoch: 'boot-1', principal: { kind: 'staff', user } }).success).toBe(
      false,
    );
  });

  it('hello says whether answers are emailed, and reads an older server as attaching no files', () => {
    const base = { protocolVersion: 1, epoch: ids.epoch, serverTime: now };
    const user = { id: ids.user, email: 'ada@example.com', name: 'Ada', role: 'agent', teamIds: [] };
    const staff = { ...base, principal: { kind: 'staff', user } };
    expect(Hello.parse({ ...staff, answerEmails: { delaySeconds: 60 } }).answerEmails).toEqual({
      delaySeconds: 60,
      attachmentMaxBytes: 0,
    });
    const now10 = { delaySeconds: 0, attachmentMaxBytes: 10_485_760 };
    expect(Hello.parse({ ...staff, answerEmails: now10 }).answerEmails).toEqual(now10);
    expect(Hello.parse({ ...staff, answerEmails: null }).answerEmails).toBeNull();
  });

  it('session:revoked carries a known reason', () => {
    for (const reason of [
      'logout',
      'password-changed',
      'refresh-token-reused',
      'deactivated',
      'role-changed',
    ]) {
      expect(SessionRevoked.safeParse({ reason }).success).toBe(true);
    }
    expect(SessionRevoked.safeParse({ reason: 'expired' }).success).toBe(false);
  });
});

describe('staff auth requests', () => {
  it('login takes exactly email and password', () => {
    expect(LoginRequest.safeParse({ email: 'ada@example.com', password: 'pw' }).success).toBe(true);
    expect(LoginRequest.safeParse({ email: 'ada', password: 'pw' }).success).toBe(false);
    expect(LoginRequest.safeParse({ email: 'ada@example.com', password: '' }).success).toBe(false);
    expect(LoginRequest.safeParse({ email: 'ada@example.com', password: 'p'.repeat(1025) }).success).toBe(
      false,
    );
    expect(LoginRequest.safeParse({ email: 'ada@example.com', password: 'pw', role: 'admin' }).success).toBe(
      false,
    );
  });

  it('refresh tokens are 16 to 512 characters', () => {
    expect(RefreshRequest.safeParse({ refreshToken: 'r'.repeat(16) }).success).toBe(true);
    expect(RefreshRequest.safeParse({ refreshToken: 'r'.repeat(15) }).success).toBe(false);
    expect(RefreshRequest.safeParse({ refreshToken: 'r'.repeat(513) }).success).toBe(false);
  });

  it('session:reauth takes one token as long as a handshake token, and answers its expiry', () => {
    expect(ReauthRequest.safeParse({ token: 'x'.repeat(4096) }).success).toBe(true);
    for (const bad of [
      {},
      { token: '' },
      { token: 'x'.repeat(4097) },
      { token: 1 },
      { token: 'x', userId: ids.user },
    ]) {
      expect(ReauthRequest.safeParse(bad).success, JSON.stringify(bad).slice(0, 40)).toBe(false);
    }
    expect(ReauthResponse.safeParse({ accessTokenExpiresAt: now }).success).toBe(true);
    expect(ReauthResponse.safeParse({ accessTokenExpiresAt: 'tomorrow' }).success).toBe(false);
  });

  it('a new password has at least 10 characters', () => {
    expect(
      PasswordChangeRequest.safeParse({ currentPassword: 'old', newPassword: 'n'.repeat(10) }).success,
    ).toBe(true);
    expect(
      PasswordChangeRequest.safeParse({ currentPassword: 'old', newPassword: 'n'.repeat(9) }).success,
    ).toBe(false);
  });
});

describe('VisitorSessionRequest', () => {
  const signature = 'a'.repeat(64);

  it('accepts a widget id alone', () => {
    expect(VisitorSessionRequest.parse({ widgetId: ids.widget })).toEqual({ widgetId: ids.widget });
  });

  it('trims the name and rejects a blank one', () => {
    expect(VisitorSessionRequest.parse({ widgetId: ids.widget, name: '  Grace  ' }).name).toBe('Grace');
    expect(VisitorSessionRequest.safeParse({ widgetId: ids.widget, name: '   ' }).success).toBe(false);
  });

  it('accepts an identity signed as 64 lowercase hex characters', () => {
    const identity = { userId: 'customer-42', signature };
    expect(VisitorSessionRequest.safeParse({ widgetId: ids.widget, identity }).success).toBe(true);
  });

  it.each(['A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), 'g'.repeat(64), `sha256=${'a'.repeat(57)}`])(
    'rejects the signature %j',
    (bad) => {
      const identity = { userId: 'customer-42', signature: bad };
      expect(VisitorSessionRequest.safeParse({ widgetId: ids.widget, identity }).success).toBe(false);
    },
  );

  it('rejects an identity without userId, or with extra keys', () => {
    expect(VisitorSessionRequest.safeParse({ widgetId: ids.widget, identity: { signature } }).success).toBe(
      false,
    );
    const identity = { userId: 'customer-42', signature, verified: true };
    expect(VisitorSessionRequest.safeParse({ widgetId: ids.widget, identity }).success).toBe(false);
  });

  it('rejects a client that claims to be verified', () => {
    expect(VisitorSessionRequest.safeParse({ widgetId: ids.widget, verified: true }).success).toBe(false);
  });
});
