import { describe, expect, it } from 'vitest';
import { normalizeOrigin, OriginPolicy } from '../src/security/origins.js';

describe('origin policy', () => {
  it('keeps custom-scheme origins such as the desktop app’s', () => {
    expect(normalizeOrigin('app://switchboard')).toBe('app://switchboard');
    expect(normalizeOrigin('https://Shop.Example:8443/path?q')).toBe('https://shop.example:8443');
  });

  it('allows workbench origins on staff paths and widget origins on visitor paths only', () => {
    const policy = new OriginPolicy(['app://switchboard']);
    policy.addWorkbenchOrigin('http://localhost:3000/');
    policy.setWidgets([
      {
        id: 'w',
        name: 'w',
        secret: 's',
        allowedOrigins: ['https://shop.example'],
        identityMode: 'optional',
        teamId: null,
        pageTracking: 'full',
        typingPreview: false,
      },
    ]);
    expect(policy.isWorkbench('app://switchboard')).toBe(true);
    expect(policy.isWorkbench('http://localhost:3000')).toBe(true);
    expect(policy.isWorkbench('https://shop.example')).toBe(false);
    expect(policy.isKnown('https://shop.example')).toBe(true);
    expect(policy.isKnown('https://evil.example')).toBe(false);
    expect(policy.isKnown(undefined)).toBe(true);
  });
});
