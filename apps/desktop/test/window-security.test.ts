import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/main/content-security-policy.js';
import { deepLinkInArgs, parseDeepLink } from '../src/main/services/deep-link.js';
import {
  APP_ENTRY,
  guardWebContents,
  navigationGuards,
  permissionAllowed,
  SUPERVISOR_ENTRY,
  supervisorWindowOptions,
  workbenchWindowOptions,
} from '../src/main/windows.js';

function guards() {
  const opened: string[] = [];
  const logged: string[] = [];
  const g = navigationGuards({
    openExternal: (url) => opened.push(url),
    log: (message) => logged.push(message),
  });
  return { g, opened, logged };
}

function navigate(handler: (event: { preventDefault(): void }, url: string) => void, url: string): boolean {
  let prevented = false;
  handler({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('the window factory (SECURITY D1)', () => {
  it('isolates and sandboxes the renderer, with no Node, no webview and web security on', () => {
    const { webPreferences } = workbenchWindowOptions('/app/preload/index.cjs');
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload/index.cjs',
    });
  });

  it('gives the supervisor window the same secure options, loaded from the app bundle', () => {
    const workbench = workbenchWindowOptions('/app/preload/index.cjs');
    const supervisor = supervisorWindowOptions('/app/preload/index.cjs');
    expect(supervisor.webPreferences).toEqual(workbench.webPreferences);
    expect(supervisorWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
    expect(SUPERVISOR_ENTRY.startsWith(`${APP_ENTRY}#`)).toBe(true);
  });

  it('has no DevTools unless policy AllowDevTools (or a development run) allows them', () => {
    expect(workbenchWindowOptions('/p.cjs').webPreferences?.devTools).toBe(false);
    expect(workbenchWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('keeps a hidden window’s timers on time: an agent’s workbench in the tray still reconnects and sends', () => {
    expect(workbenchWindowOptions('/p.cjs').webPreferences?.backgroundThrottling).toBe(false);
  });

  it("both windows carry the app's icon when given one (Linux shows it in the window list)", () => {
    const choices = { devTools: false, icon: '/app/web/icons/app-256.png' };
    expect(workbenchWindowOptions('/p.cjs', choices).icon).toBe(choices.icon);
    expect(supervisorWindowOptions('/p.cjs', choices).icon).toBe(choices.icon);
    expect('icon' in workbenchWindowOptions('/p.cjs')).toBe(false);
  });
});

describe('the content security policy (SECURITY D3)', () => {
  it('starts from default-src none and connects only to the configured server', () => {
    const csp = contentSecurityPolicy('https://chat.example.com');
    const directives = Object.fromEntries(
      csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(csp.startsWith("default-src 'none'")).toBe(true);
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'self' https://chat.example.com wss://chat.example.com");
    expect(directives['frame-src']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it("adds the organization's server and this computer's, once each, and nothing for null", () => {
    const csp = contentSecurityPolicy(
      'https://chat.example.com',
      null,
      'http://127.0.0.1:51234',
      'https://chat.example.com',
    );
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src'));
    expect(connect).toBe(
      "connect-src 'self' https://chat.example.com wss://chat.example.com http://127.0.0.1:51234 ws://127.0.0.1:51234",
    );
  });
});

describe('navigation (SECURITY D6) and external links (D7)', () => {
  it('allows navigation inside the app bundle only, compared as URLs', () => {
    const { g, opened } = guards();
    expect(navigate(g.willNavigate, APP_ENTRY)).toBe(false);
    expect(navigate(g.willNavigate, 'app://switchboard/conversation/1')).toBe(false);
    expect(navigate(g.willNavigate, 'app://switchboard.evil.com/')).toBe(true);
    expect(navigate(g.willRedirect, 'https://evil.example/phish')).toBe(true);
    expect(navigate(g.willNavigate, 'file:///etc/passwd')).toBe(true);
    expect(navigate(g.willNavigate, 'javascript:alert(1)')).toBe(true);
    expect(opened).toEqual(['https://evil.example/phish']);
  });

  it('denies every new window; http(s) links go to the OS browser, nothing else does', () => {
    const { g, opened, logged } = guards();
    for (const url of [
      'https://example.com/',
      'http://example.com/a',
      'file:///C:/Windows/system32/calc.exe',
      'smb://x/y',
      'ms-msdt:/id',
      'javascript:1',
    ]) {
      expect(g.windowOpen({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/', 'http://example.com/a']);
    expect(logged).toHaveLength(4);
  });
});

describe('guardWebContents', () => {
  it('wires the guards to every navigation, redirect, webview and window-open of a window', () => {
    const listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { url?: string; preventDefault(): void }) => void) =>
        listeners.set(name, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
        openHandler = handler;
      },
    } as unknown as WebContents;
    const opened: string[] = [];
    guardWebContents(contents, { openExternal: (url) => opened.push(url), log: () => {} });
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    const fire = (name: string, url?: string) => {
      let prevented = false;
      listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', APP_ENTRY)).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
    expect(openHandler?.({ url: 'https://docs.example/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://evil.example/', 'https://docs.example/']);
  });
});

describe('permissions (SECURITY D8)', () => {
  it('grants notifications and nothing else', () => {
    expect(permissionAllowed('notifications')).toBe(true);
    for (const p of [
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'display-capture',
    ]) {
      expect(permissionAllowed(p)).toBe(false);
    }
  });
});

describe('deep links (SECURITY D11)', () => {
  const id = crypto.randomUUID();
  it('route switchboard://conversation/ID to the conversation view', () => {
    expect(parseDeepLink(`switchboard://conversation/${id}`)).toEqual({
      view: 'conversation',
      conversationId: id,
    });
    expect(
      deepLinkInArgs(['/opt/Switchboard/switchboard', '--flag', `switchboard://conversation/${id}`]),
    ).toEqual({
      view: 'conversation',
      conversationId: id,
    });
  });

  it.each([
    'switchboard://settings/x',
    'switchboard://conversation/not-an-id',
    `switchboard://conversation/${id}/extra`,
    `switchboard://conversation/${id}?redirect=https://evil`,
    `https://conversation/${id}`,
    'switchboard://conversation/',
    'garbage',
  ])('ignore %s', (raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });
});
