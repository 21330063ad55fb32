import { describe, expect, it } from 'vitest';
import {
  clearUnsentWork,
  loadUnsentWork,
  saveUnsentWork,
  type UnsentWork,
} from '../src/renderer/host/browser-unsent-work.js';
import { TabStorage } from './support/tab-storage.js';

const alice = { serverUrl: 'https://chat.example.com', userId: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e' };
const bob = { ...alice, userId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };
const conversationId = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

const work: UnsentWork = {
  outbox: [
    {
      clientMsgId: '5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f',
      conversationId,
      body: 'On its way to the server',
      visibility: 'all',
      attachment: null,
      status: 'pending',
      error: null,
      createdAt: '2026-12-04T06:00:00.000Z',
    },
  ],
  drafts: [{ conversationId, body: 'Half a reply', internal: false }],
  tabs: { open: [conversationId], active: conversationId },
};

describe("the web workbench's unsent work in the tab's storage", () => {
  it('survives a reload per account, and sign-out clears every account’s', () => {
    const storage = new TabStorage();
    expect(loadUnsentWork(alice, storage)).toBeNull();
    saveUnsentWork(alice, work, storage);
    expect(loadUnsentWork(alice, storage)).toEqual(work);
    expect(loadUnsentWork(bob, storage)).toBeNull();
    saveUnsentWork(bob, { outbox: [], drafts: [], tabs: { open: [], active: null } }, storage);
    storage.setItem('switchboard.session', 'kept');
    clearUnsentWork(storage);
    expect(loadUnsentWork(alice, storage)).toBeNull();
    expect(loadUnsentWork(bob, storage)).toBeNull();
    expect(storage.getItem('switchboard.session')).toBe('kept');
  });

  it('drops what does not parse as unsent work instead of sending it', () => {
    const storage = new TabStorage();
    saveUnsentWork(alice, work, storage);
    const key = storage.key(0) as string;
    for (const damaged of [
      '{not json',
      JSON.stringify({ ...work, outbox: [{ ...work.outbox[0], conversationId: 'not-an-id' }] }),
      JSON.stringify({ outbox: 'everything' }),
    ]) {
      storage.setItem(key, damaged);
      expect(loadUnsentWork(alice, storage)).toBeNull();
      expect(storage.length).toBe(0);
    }
  });
});
