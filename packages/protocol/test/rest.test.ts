import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EmailStatus,
  type EndpointSpec,
  HistoryQuery,
  InboundEmailReceipt,
  restEndpoints,
  SEARCH_RANKED,
  SearchQuery,
} from '../src/index.js';

const endpoints = Object.entries(restEndpoints as Record<string, EndpointSpec>);

function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '').sort();
}

describe('restEndpoints', () => {
  it('has a unique path per method', () => {
    const routes = endpoints.map(([, spec]) => `${spec.method} ${spec.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it.each(endpoints)('%s lives under /api/', (_name, spec) => {
    expect(spec.path).toMatch(/^\/api\/[a-z]/);
    expect(spec.path).not.toMatch(/\/$/);
  });

  it.each(endpoints)('%s declares a params schema exactly for its path parameters', (_name, spec) => {
    const names = pathParams(spec.path);
    if (names.length === 0) {
      expect(spec.params).toBeUndefined();
      return;
    }
    expect(spec.params).toBeInstanceOf(z.ZodObject);
    expect(Object.keys((spec.params as z.ZodObject).shape).sort()).toEqual(names);
  });

  it.each(endpoints)('%s: a GET has no body', (_name, spec) => {
    if (spec.method === 'GET') expect(spec.body).toBeUndefined();
  });

  it.each(endpoints)('%s: every schema is a zod schema', (_name, spec) => {
    for (const schema of [spec.params, spec.query, spec.body]) {
      if (schema !== undefined) expect(schema).toBeInstanceOf(z.ZodType);
    }
    if (spec.response !== null) expect(spec.response).toBeInstanceOf(z.ZodType);
  });

  it('needs no credential only to log in, refresh, start a visitor session and read a widget’s config', () => {
    const open = endpoints.filter(([, spec]) => spec.auth === 'none').map(([name]) => name);
    expect(open.sort()).toEqual(['login', 'refresh', 'visitorSession', 'widgetConfig']);
  });

  it('keeps staff data behind a staff token', () => {
    for (const name of [
      'me',
      'listConversations',
      'getConversation',
      'searchMessages',
      'logout',
      'changePassword',
    ]) {
      expect((restEndpoints as Record<string, EndpointSpec>)[name]?.auth, name).toBe('staff');
    }
  });

  it('rejects a non-UUID path parameter', () => {
    expect(restEndpoints.getConversation.params.safeParse({ conversationId: '1' }).success).toBe(false);
    expect(restEndpoints.downloadAttachment.params.safeParse({ attachmentId: '../secret' }).success).toBe(
      false,
    );
  });

  it('only downloads (attachments, transcripts, the report CSVs) answer with raw bytes', () => {
    const binary = endpoints.filter(([, spec]) => spec.response === null).map(([name]) => name);
    expect(binary.sort()).toEqual([
      'conversationTranscript',
      'downloadAttachment',
      'reportConversationsCsv',
      'reportCsv',
    ]);
  });

  it('POST bodies are strict JSON objects', () => {
    for (const [name, spec] of endpoints) {
      if (spec.body === undefined) continue;
      expect(spec.body.safeParse({ __unexpected: true }).success, name).toBe(false);
    }
    expect(restEndpoints.logout.body.safeParse({}).success).toBe(true);
  });
});

describe('query strings', () => {
  it('history coerces before and limit, defaults limit to 50, caps it at 200', () => {
    expect(HistoryQuery.parse({ before: '42', limit: '10' })).toEqual({ before: 42, limit: 10 });
    expect(HistoryQuery.parse({})).toEqual({ limit: 50 });
    expect(HistoryQuery.safeParse({ limit: '201' }).success).toBe(false);
    expect(HistoryQuery.safeParse({ before: '0' }).success).toBe(false);
  });

  it('search trims q, requires it, and caps limit at 50', () => {
    expect(SearchQuery.parse({ q: '  refund  ' })).toEqual({ q: 'refund', limit: 20, offset: 0 });
    expect(SearchQuery.safeParse({ q: '   ' }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: 'refund', limit: '51' }).success).toBe(false);
  });

  it('pages through the ranked hits with offset, no further than SEARCH_RANKED', () => {
    expect(SearchQuery.parse({ q: 'refund', limit: '30', offset: '30' })).toMatchObject({
      limit: 30,
      offset: 30,
    });
    expect(SearchQuery.parse({ q: 'refund', limit: '50', offset: String(SEARCH_RANKED - 50) }).offset).toBe(
      950,
    );
    const beyond = SearchQuery.safeParse({ q: 'refund', limit: '50', offset: '951' });
    expect(beyond.error?.issues).toMatchObject([{ path: ['offset'] }]);
    for (const offset of ['-1', '1.5', 'ten', String(SEARCH_RANKED)])
      expect(SearchQuery.safeParse({ q: 'refund', limit: '1', offset }).success, offset).toBe(false);
  });

  it('reads a search period as stored times, and refuses one that ends before it starts', () => {
    expect(
      SearchQuery.parse({ q: 'refund', from: '2026-11-01T00:00:00Z', to: '2026-12-01T10:30:00.5Z' }),
    ).toEqual({
      q: 'refund',
      limit: 20,
      offset: 0,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T10:30:00.500Z',
    });
    expect(SearchQuery.parse({ q: 'refund', to: '2026-12-01T00:00:00.000Z' })).not.toHaveProperty('from');
    const backwards = SearchQuery.safeParse({
      q: 'refund',
      from: '2026-12-01T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
    });
    expect(backwards.error?.issues).toMatchObject([{ path: ['to'], message: 'from must be before to' }]);
    const empty = SearchQuery.safeParse({
      q: 'refund',
      from: '2026-12-01T00:00:00Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(empty.success).toBe(false);
    expect(SearchQuery.safeParse({ q: 'refund', from: 'last week' }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: 'refund', from: '2026-12-01T00:00:00+01:00' }).success).toBe(false);
  });
});

describe('EmailStatus', () => {
  it('reads an older server without attachmentMaxBytes as attaching nothing', () => {
    const older = {
      destination: 'SMTP server mail.example.com:587',
      from: 'Shop <a@shop.example>',
      delaySeconds: 60,
    };
    expect(EmailStatus.parse(older).attachmentMaxBytes).toBe(0);
    expect(EmailStatus.safeParse({ ...older, attachmentMaxBytes: -1 }).success).toBe(false);
  });

  it('reads an older server without repliesReturn as one whose replies do not come back', () => {
    const older = { destination: null, from: 'Shop <a@shop.example>', delaySeconds: 60 };
    expect(EmailStatus.parse(older)).toMatchObject({ repliesReturn: false, replyTo: null });
    expect(EmailStatus.parse({ ...older, repliesReturn: true }).repliesReturn).toBe(true);
  });
});

describe('InboundEmailReceipt', () => {
  const receipt = {
    outcome: 'stored',
    conversationId: '0b3f8c1e-2d4a-4f6b-9c8d-7e5f4a3b2c1d',
    messages: 1,
    refusedFiles: [],
    reopened: false,
  };

  it('names one of three outcomes and counts what was stored', () => {
    expect(InboundEmailReceipt.parse(receipt)).toEqual(receipt);
    expect(InboundEmailReceipt.safeParse({ ...receipt, outcome: 'lost' }).success).toBe(false);
    expect(InboundEmailReceipt.safeParse({ ...receipt, messages: -1 }).success).toBe(false);
  });

  it('is the response of the one endpoint a mail gateway calls, with its secret', () => {
    const gateway = endpoints.filter(([, spec]) => spec.auth === 'mail-gateway');
    expect(gateway.map(([name]) => name)).toEqual(['receiveEmail']);
    expect(restEndpoints.receiveEmail.response).toBe(InboundEmailReceipt);
  });
});
