import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type LockableSetting, Settings } from '../../shared/settings.js';

export type SettingsLocks = Partial<Pick<Settings, LockableSetting>>;

/**
 * User preferences in a JSON file; a damaged file falls back to the defaults. Settings fixed by
 * managed policy (`locks`) always read as the policy's values, and saving never changes what the
 * file holds for them, so removing the policy gives the user's own choice back.
 */
export class SettingsStore {
  constructor(
    readonly directory: string,
    readonly locks: SettingsLocks = {},
  ) {}

  get file(): string {
    return path.join(this.directory, 'settings.json');
  }

  get locked(): LockableSetting[] {
    return Object.keys(this.locks) as LockableSetting[];
  }

  load(): Settings {
    return { ...this.stored(), ...this.locks };
  }

  save(settings: Settings): Settings {
    const previous = this.stored();
    const parsed = Settings.parse(settings);
    for (const key of this.locked) Object.assign(parsed, { [key]: previous[key] });
    writeFileSync(this.file, JSON.stringify(parsed, null, 2));
    return { ...parsed, ...this.locks };
  }

  private stored(): Settings {
    if (!existsSync(this.file)) return Settings.parse({});
    try {
      return Settings.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      return Settings.parse({});
    }
  }
}
