import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostSite {
  origin: string;
  close(): Promise<void>;
}

/** A website on its own origin (another port) that embeds the widget from the Switchboard server. */
export async function startHostSite(pages: Record<string, string>): Promise<HostSite> {
  const server: Server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://host').pathname];
    if (page === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A plain page with the embed snippet; `css` lets a test attack the widget with the page's styles. */
export function embedPage(
  serverUrl: string,
  widgetId: string,
  options: { css?: string; title?: string; locale?: string } = {},
): string {
  const locale = options.locale ? ` data-locale="${options.locale}"` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title ?? 'Test shop'}</title>
<style>body{font:16px/1.5 serif;margin:0;padding:24px;background:#fffdf8}${options.css ?? ''}</style>
<script>window.Switchboard=window.Switchboard||function(){(Switchboard.q=Switchboard.q||[]).push(arguments)};
window.__alerts=[];window.alert=function(m){window.__alerts.push(String(m))};</script>
<script src="${serverUrl}/widget.js" data-widget="${widgetId}"${locale} async></script>
</head><body><h1>Test shop</h1><p>Products and prices.</p></body></html>`;
}
