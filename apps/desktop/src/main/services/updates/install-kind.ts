import path from 'node:path';

/**
 * How this copy was installed, which decides who updates it. electron-updater can replace an NSIS
 * install, a macOS app and an AppImage; MSI, deb and rpm installs belong to IT's or the OS's
 * package management and are never updated from inside the app.
 */
export type InstallKind = 'development' | 'nsis' | 'msi' | 'mac' | 'appimage' | 'deb' | 'rpm' | 'unknown';

export interface InstallFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  exePath: string;
  productName: string;
  /** Electron's `process.resourcesPath`. */
  resourcesPath: string;
  env: NodeJS.ProcessEnv;
  exists(file: string): boolean;
  readFile(file: string): string | null;
}

export function detectInstallKind(facts: InstallFacts): InstallKind {
  if (!facts.isPackaged) return 'development';
  switch (facts.platform) {
    case 'win32': {
      // The NSIS installer writes its uninstaller beside the app; an MSI install has none.
      const uninstaller = path.win32.join(
        path.win32.dirname(facts.exePath),
        `Uninstall ${facts.productName}.exe`,
      );
      return facts.exists(uninstaller) ? 'nsis' : 'msi';
    }
    case 'darwin':
      return 'mac';
    case 'linux': {
      if (facts.env.APPIMAGE) return 'appimage';
      // electron-builder writes resources/package-type into deb and rpm packages.
      const type = facts.readFile(path.posix.join(facts.resourcesPath, 'package-type'))?.trim();
      return type === 'deb' || type === 'rpm' ? type : 'unknown';
    }
    default:
      return 'unknown';
  }
}
