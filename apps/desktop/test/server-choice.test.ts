import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/main/content-security-policy.js';
import { BridgeCallRejected, createDispatcher } from '../src/main/ipc-dispatch.js';
import { resolvePolicy } from '../src/main/services/policy/resolve-policy.js';
import { ServerOrigins } from '../src/main/services/server-origins.js';
import { APP_ORIGIN } from '../src/main/windows.js';
import { mainServices, tempDir } from './support/fakes.js';

const FROM_APP = `${APP_ORIGIN}/index.html`;

function setup(values: Record<string, unknown> = {}) {
  const main = mainServices(tempDir(), {
    policy: resolvePolicy([{ name: 'HKLM\\Software\\Policies\\Switchboard', values }]),
  });
  const dispatch = createDispatcher({ handlers: main.handlers, trustedOrigins: [APP_ORIGIN], log: () => {} });
  return { ...main, dispatch };
}

describe('choosing a server on the login screen (SECURITY D3)', () => {
  it('makes the chosen server the configured one, so the next page load may connect to it', async () => {
    const { services, dispatch } = setup();
    // The page loaded before any server was chosen: its CSP names none.
    expect(services.origins.forResponse(true)).toEqual([]);
    expect(contentSecurityPolicy(...services.origins.forResponse(true))).toContain("connect-src 'self';");

    const answer = await dispatch('session:choose-server', FROM_APP, {
      serverUrl: 'https://chat.example.com/app/',
    });
    expect(answer).toEqual({ reload: true });
    expect(services.settings.load().serverUrl).toBe('https://chat.example.com');

    // The reloaded document is served with it; choosing it again needs no further reload.
    const csp = contentSecurityPolicy(...services.origins.forResponse(true));
    expect(csp).toContain('https://chat.example.com wss://chat.example.com');
    expect(
      await dispatch('session:choose-server', FROM_APP, { serverUrl: 'https://chat.example.com' }),
    ).toEqual({
      reload: false,
    });
  });

  it('an asset loaded after the choice does not count as a reloaded page', async () => {
    const { services, dispatch } = setup();
    services.origins.forResponse(true);
    await dispatch('session:choose-server', FROM_APP, { serverUrl: 'https://other.example.com' });
    // A lazily loaded chunk gets the new CSP header, but the page's own CSP is still the old one.
    expect(services.origins.forResponse(false)).toContain('https://other.example.com');
    expect(services.origins.pageAllows('https://other.example.com')).toBe(false);
  });

  it('a server locked by policy cannot be swapped, and bad URLs never reach the handler', async () => {
    const { services, dispatch } = setup({ ServerUrl: 'https://corp.example.com', AllowServerUrlChange: 0 });
    await expect(
      dispatch('session:choose-server', FROM_APP, { serverUrl: 'https://evil.example.net' }),
    ).rejects.toBeInstanceOf(BridgeCallRejected);
    await expect(
      dispatch('session:choose-server', FROM_APP, { serverUrl: 'javascript:alert(1)' }),
    ).rejects.toBeInstanceOf(BridgeCallRejected);
    expect(services.settings.load().serverUrl).not.toBe('https://evil.example.net');
    expect(
      await dispatch('session:choose-server', FROM_APP, { serverUrl: 'https://corp.example.com' }),
    ).toEqual({
      reload: true,
    });
  });

  it('keeps only http(s) origins, once each', () => {
    const origins = new ServerOrigins(() => [
      'https://a.example.com/x',
      'https://a.example.com/y',
      'file:///etc/passwd',
      'not a url',
      null,
      undefined,
      'http://127.0.0.1:4310',
    ]);
    expect(origins.forResponse(true)).toEqual(['https://a.example.com', 'http://127.0.0.1:4310']);
  });
});
