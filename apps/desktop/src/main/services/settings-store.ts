import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Settings } from '../../shared/settings.js';

/** User preferences in a JSON file; a damaged file falls back to the defaults. */
export class SettingsStore {
  constructor(readonly directory: string) {}

  get file(): string {
    return path.join(this.directory, 'settings.json');
  }

  load(): Settings {
    if (!existsSync(this.file)) return Settings.parse({});
    try {
      return Settings.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      return Settings.parse({});
    }
  }

  save(settings: Settings): Settings {
    const parsed = Settings.parse(settings);
    writeFileSync(this.file, JSON.stringify(parsed, null, 2));
    return parsed;
  }
}
