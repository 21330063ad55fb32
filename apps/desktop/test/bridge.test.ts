import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerIpc } from '../src/main/ipc.js';
import { BridgeCallRejected, createDispatcher } from '../src/main/ipc-dispatch.js';
import { APP_ORIGIN } from '../src/main/windows.js';
import { bridgeChannels, bridgePushes, channelNames, pushNames } from '../src/shared/bridge.js';
import { conversation, mainServices, tempDir } from './support/fakes.js';

function setup() {
  const main = mainServices(tempDir());
  const logged: string[] = [];
  const dispatch = createDispatcher({
    handlers: main.handlers,
    trustedOrigins: [APP_ORIGIN],
    log: (message) => logged.push(message),
  });
  return { ...main, dispatch, logged };
}

const account = { serverUrl: 'https://chat.example.com', userId: crypto.randomUUID() };
const FROM_APP = `${APP_ORIGIN}/index.html`;

describe('bridge dispatch (SECURITY D5)', () => {
  it('runs a valid call from the app origin', async () => {
    const { dispatch } = setup();
    const c = conversation();
    const stored = await dispatch('cache:put-conversations', FROM_APP, { ...account, conversations: [c] });
    expect(stored).toMatchObject([{ conversation: { id: c.id }, unread: 0 }]);
  });

  it.each([
    ['a missing field', 'cache:load', { serverUrl: account.serverUrl }],
    ['an extra field', 'cache:load', { ...account, admin: true }],
    ['a wrong type', 'app:badge', { unread: '5' }],
    ['a negative count', 'app:badge', { unread: -1 }],
    ['a non-http server', 'cache:load', { ...account, serverUrl: 'file:///etc/passwd' }],
    [
      'a prototype key',
      'drafts:save',
      JSON.parse(`{"__proto__":{"x":1},"serverUrl":"https://a.b","userId":"${account.userId}"}`),
    ],
    ['not an object', 'tabs:save', 'tabs'],
    ['null', 'outbox:list', null],
  ])('drops %s and logs it, reaching no handler', async (_what, channel, payload) => {
    const { dispatch, logged, host } = setup();
    await expect(dispatch(channel, FROM_APP, payload)).rejects.toBeInstanceOf(BridgeCallRejected);
    expect(logged).toEqual(['bridge: invalid payload dropped']);
    expect(host.badges).toEqual([]);
  });

  it.each([
    ['another origin', 'https://evil.example/index.html'],
    ['a look-alike prefix', 'app://switchboard.evil/index.html'],
    ['no frame', undefined],
    ['a file URL', 'file:///tmp/index.html'],
  ])('drops calls from %s', async (_what, sender) => {
    const { dispatch, logged, host } = setup();
    await expect(dispatch('app:badge', sender, { unread: 3 })).rejects.toBeInstanceOf(BridgeCallRejected);
    expect(logged).toEqual(['bridge: call from an untrusted frame dropped']);
    expect(host.badges).toEqual([]);
  });

  it('drops unknown channels, including prototype names', async () => {
    const { dispatch } = setup();
    await expect(dispatch('shell:exec', FROM_APP, {})).rejects.toBeInstanceOf(BridgeCallRejected);
    await expect(dispatch('constructor', FROM_APP, {})).rejects.toBeInstanceOf(BridgeCallRejected);
  });

  it('a failing handler is logged and rejected without crashing', async () => {
    const { dispatch, logged, host } = setup();
    host.setBadge = () => {
      throw new Error('the dock is gone');
    };
    await expect(dispatch('app:badge', FROM_APP, { unread: 1 })).rejects.toBeInstanceOf(BridgeCallRejected);
    expect(logged).toEqual(['bridge: handler failed']);
    expect(await dispatch('app:status', FROM_APP, { status: 'away' })).toEqual({});
  });

  it('open-external hands only http(s) to the OS (SECURITY D7)', async () => {
    const { dispatch, host } = setup();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'not a url']) {
      expect(await dispatch('app:open-external', FROM_APP, { url })).toEqual({ opened: false });
    }
    expect(await dispatch('app:open-external', FROM_APP, { url: 'https://example.com/x' })).toEqual({
      opened: true,
    });
    expect(host.opened).toEqual(['https://example.com/x']);
  });
});

describe('the clipboard', () => {
  it('writes the text asked for, and takes neither an empty nor an outsized one', async () => {
    const { dispatch, host } = setup();
    const text = '<script src="https://chat.example.com/widget.js" async></script>';
    expect(await dispatch('clipboard:write-text', FROM_APP, { text })).toEqual({ copied: true });
    for (const bad of ['', 'x'.repeat(10_001)]) {
      await expect(dispatch('clipboard:write-text', FROM_APP, { text: bad })).rejects.toBeInstanceOf(
        BridgeCallRejected,
      );
    }
    expect(host.clipboard).toEqual([text]);
  });
});

describe("the supervisor window's way to the workbench", () => {
  it('opens a chat in the workbench for a signed-in user only, and only a chat id', async () => {
    const { dispatch, host } = setup();
    const conversationId = crypto.randomUUID();
    // Signed out: the workbench shows its sign-in page, so there is nothing to bring forward.
    expect(await dispatch('window:show-in-workbench', FROM_APP, { conversationId })).toEqual({
      shown: false,
    });
    await dispatch('session:save', FROM_APP, {
      serverUrl: 'https://chat.example.com',
      user: {
        id: crypto.randomUUID(),
        email: 'carol@example.com',
        name: 'Carol',
        role: 'supervisor',
        teamIds: [],
      },
      refreshToken: 'r'.repeat(32),
    });
    await expect(
      dispatch('window:show-in-workbench', FROM_APP, { conversationId: '../settings' }),
    ).rejects.toBeInstanceOf(BridgeCallRejected);
    expect(host.shownInWorkbench).toEqual([]);
    expect(await dispatch('window:show-in-workbench', FROM_APP, { conversationId })).toEqual({ shown: true });
    expect(host.shownInWorkbench).toEqual([conversationId]);
  });
});

describe('the channel names the preload bundles', () => {
  it('are exactly the bridge maps', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(bridgeChannels).sort());
    expect([...pushNames].sort()).toEqual(Object.keys(bridgePushes).sort());
  });
});

describe('registerIpc', () => {
  it('registers every channel of the bridge map, each going through the checks', async () => {
    const { dispatch, host } = setup();
    const registered = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, listener: never) => registered.set(channel, listener),
    } as unknown as IpcMain;
    registerIpc(ipcMain, dispatch);
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    const event = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
    await registered.get('app:badge')?.(event(FROM_APP), { unread: 4 });
    await expect(
      registered.get('app:badge')?.(event('https://evil.example/'), { unread: 9 }),
    ).rejects.toThrow();
    expect(host.badges).toEqual([4]);
  });
});
