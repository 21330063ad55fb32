import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { User } from '@switchboard/protocol';
import { z } from 'zod';

/** Encrypts with the OS keychain: Electron's `safeStorage` in main, a fake only in tests. */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const StoredSession = z.object({ serverUrl: z.url(), user: User, refreshToken: z.string() });
export type StoredSession = z.infer<typeof StoredSession>;

/**
 * Keeps the staff session across restarts. The file holds only ciphertext from the SecretBox;
 * without a keychain the session lives in memory only (SECURITY D13: never a plaintext token).
 */
export class SessionStore {
  #memory: StoredSession | null = null;

  constructor(
    readonly directory: string,
    readonly box: SecretBox,
    readonly log: (message: string) => void = () => {},
  ) {}

  get file(): string {
    return path.join(this.directory, 'session.bin');
  }

  save(session: StoredSession): void {
    this.#memory = session;
    if (!this.box.isEncryptionAvailable()) {
      this.log('No OS keychain: the session is kept in memory until the app quits.');
      return;
    }
    writeFileSync(this.file, this.box.encryptString(JSON.stringify(session)), { mode: 0o600 });
  }

  load(): StoredSession | null {
    if (this.#memory) return this.#memory;
    if (!existsSync(this.file) || !this.box.isEncryptionAvailable()) return null;
    try {
      const parsed = StoredSession.safeParse(JSON.parse(this.box.decryptString(readFileSync(this.file))));
      this.#memory = parsed.success ? parsed.data : null;
    } catch {
      this.log('The stored session could not be decrypted; it is ignored.');
    }
    return this.#memory;
  }

  clear(): void {
    this.#memory = null;
    rmSync(this.file, { force: true });
  }
}
