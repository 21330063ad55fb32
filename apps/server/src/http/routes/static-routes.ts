import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { fail } from '@switchboard/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const APPS = fileURLToPath(new URL('../../../../', import.meta.url));

/** Built front ends, next to the server in the monorepo (`apps/<name>/dist`). */
export const defaultAssetDirs = {
  widget: path.join(APPS, 'widget', 'dist'),
  workbench: path.join(APPS, 'desktop', 'dist', 'web'),
};

/** The web workbench's CSP (SECURITY D3): its own scripts, and connections to this server only. */
export const WORKBENCH_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "media-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

function notBuilt(reply: FastifyReply, what: string) {
  return reply.code(404).send(fail('not-found', `The ${what} is not built; run npm run build.`));
}

/**
 * `/widget.js` + `/widget/...` (the visitor widget), `/demo` (a page embedding it) and `/app/...`
 * (the web workbench, a single-page app). Each is served only when its build exists.
 */
export async function staticRoutes(app: FastifyInstance, dirs = defaultAssetDirs): Promise<void> {
  const widgetBuilt = existsSync(dirs.widget);
  if (widgetBuilt) {
    await app.register(fastifyStatic, {
      root: dirs.widget,
      prefix: '/widget/',
      decorateReply: true,
      index: false,
    });
    app.get('/widget.js', (_request, reply) =>
      reply.header('Cache-Control', 'no-cache').sendFile('widget.js', dirs.widget),
    );
    app.get('/demo', (_request, reply) => reply.sendFile('demo.html', dirs.widget));
  } else {
    app.get('/widget.js', (_request, reply) => notBuilt(reply, 'widget'));
    app.get('/demo', (_request, reply) => notBuilt(reply, 'widget'));
  }

  if (existsSync(dirs.workbench)) {
    await app.register(fastifyStatic, {
      root: dirs.workbench,
      prefix: '/app/',
      decorateReply: !widgetBuilt,
      index: false,
      // One route per built file; everything else under /app/ is a client-side route (below).
      wildcard: false,
      // Set below instead: Vite names every asset after its content, so a browser keeps an asset
      // until a build renames it, and revalidates everything else.
      cacheControl: false,
      setHeaders: (res, file) => {
        res.raw.setHeader('Content-Security-Policy', WORKBENCH_CSP);
        const asset = path.relative(dirs.workbench, file).startsWith(`assets${path.sep}`);
        res.raw.setHeader('Cache-Control', asset ? IMMUTABLE : 'no-cache');
      },
    });
    const page = (request: FastifyRequest, reply: FastifyReply) =>
      path.extname(request.url.split('?')[0] ?? '')
        ? reply.code(404).send(fail('not-found', 'No such file.'))
        : reply
            .header('Content-Security-Policy', WORKBENCH_CSP)
            // The page names the current build's assets, so it is revalidated every time.
            .header('Cache-Control', 'no-cache')
            .sendFile('index.html', dirs.workbench, { cacheControl: false });
    app.get('/app', (_request, reply) => reply.redirect('/app/'));
    app.get('/app/', page);
    app.get('/app/*', page);
  } else {
    app.get('/app', (_request, reply) => notBuilt(reply, 'web workbench'));
  }
}
