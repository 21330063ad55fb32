import type { AppUpdater } from 'electron-updater';
import type { UpdateStatus } from '../../../shared/managed.js';
import type { UpdateDecision } from './update-decision.js';

/** The part of electron-updater's AppUpdater this service drives (the Electron adapter passes the real one). */
export type UpdaterPort = Pick<
  AppUpdater,
  'autoDownload' | 'allowDowngrade' | 'channel' | 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall'
>;

/**
 * Checks a generic feed for updates when the decision allows it, and never touches the network
 * otherwise: the updater is not even created. Signature checks stay as electron-updater does them
 * (sha512 of every download; the Windows publisher from app-update.yml; Squirrel.Mac's code
 * signature check), nothing here turns them off.
 */
export class UpdateService {
  private updater: UpdaterPort | null = null;
  private current: UpdateStatus = { state: 'idle' };

  /** `decide` runs before every check, so a changed user setting applies to the next one. */
  constructor(
    private readonly decide: () => UpdateDecision,
    private readonly createUpdater: () => UpdaterPort,
    private readonly options: { autoDownload: boolean; log(message: string, details?: object): void },
  ) {}

  status(): UpdateStatus {
    const decision = this.decide();
    return decision.check ? this.current : { state: 'off', reason: decision.reason };
  }

  async check(): Promise<UpdateStatus> {
    const decision = this.decide();
    if (!decision.check) return { state: 'off', reason: decision.reason };
    if (this.current.state === 'checking' || this.current.state === 'downloaded') return this.current;
    this.current = { state: 'checking' };
    try {
      const result = await this.configured(decision).checkForUpdates();
      if (!result?.isUpdateAvailable) {
        this.current = { state: 'up-to-date' };
        return this.current;
      }
      const { version } = result.updateInfo;
      this.current = { state: 'available', version };
      result.downloadPromise?.then(
        () => {
          this.current = { state: 'downloaded', version };
        },
        (error: unknown) => this.failed(error),
      );
    } catch (error) {
      this.failed(error);
    }
    return this.current;
  }

  /**
   * "Restart now": installs a downloaded update and starts the new version. Otherwise the update
   * waits for the app to quit, which an app kept in the tray seldom does. Nothing to install: no-op.
   */
  installNow(): { restarting: boolean } {
    if (!this.decide().check || this.current.state !== 'downloaded' || !this.updater)
      return { restarting: false };
    // Not silent (the installer may show its progress); run the new version afterwards.
    this.updater.quitAndInstall(false, true);
    return { restarting: true };
  }

  private configured(decision: Extract<UpdateDecision, { check: true }>): UpdaterPort {
    this.updater ??= this.createUpdater();
    const updater = this.updater;
    updater.autoDownload = this.options.autoDownload;
    updater.setFeedURL({ provider: 'generic', url: decision.feedUrl, channel: decision.channel });
    updater.channel = decision.channel;
    // Setting a channel allows downgrades; a feed must never be able to push an older build.
    updater.allowDowngrade = false;
    return updater;
  }

  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.options.log('updates: check failed', { error: message });
    this.current = { state: 'error', message: message.slice(0, 300) };
  }
}
