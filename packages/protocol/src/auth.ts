import { z } from 'zod';
import { Email, Id, Timestamp } from './primitives.js';

export const Role = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.strictObject({
  email: Email,
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const User = z.object({
  id: Id,
  email: Email,
  name: z.string(),
  role: Role,
  teamIds: z.array(Id),
});
export type User = z.infer<typeof User>;

export const TokenPair = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: Timestamp,
  refreshToken: z.string(),
  refreshTokenExpiresAt: Timestamp,
});
export type TokenPair = z.infer<typeof TokenPair>;

export const LoginResponse = z.object({ user: User, tokens: TokenPair });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(16).max(512) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/** A live `/agent` socket presents a refreshed access token of its own session (`session:reauth`). */
export const ReauthRequest = z.strictObject({ token: z.string().min(1).max(4096) });
export type ReauthRequest = z.infer<typeof ReauthRequest>;

/** Until when the socket may stay open without presenting a newer token. */
export const ReauthResponse = z.object({ accessTokenExpiresAt: Timestamp });
export type ReauthResponse = z.infer<typeof ReauthResponse>;

export const PasswordChangeRequest = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(10, 'at least 10 characters').max(1024),
});
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

export const Empty = z.strictObject({});
export type Empty = z.infer<typeof Empty>;
