import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` writes the single-page app (the same from src/api and dist/api). */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Vite names every asset by its content hash: a file there never changes, so it may be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

function sendIndex(reply: FastifyReply) {
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html');
}

/**
 * Serves the built web app on the API's port: its files as they are, and index.html for every other
 * non-API path (the app routes in the browser). Unknown `/api/…` paths stay API 404s (401 when signed out).
 * Returns false, serving nothing, when the app has not been built.
 */
export async function registerWebApp(app: FastifyInstance, distDir = WEB_DIST_DIR): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  // The files are read once: a rebuilt app is served after a restart (the server is restarted to update).
  const files = new Set(listFiles(distDir));
  // preCompressed: the build wrote .br/.gz copies (web/precompress.ts); they go to browsers that accept them.
  await app.register(fastifyStatic, {
    root: distDir,
    serve: false,
    cacheControl: false,
    etag: true,
    preCompressed: true,
  });

  app.get('/api/*', { schema: { hide: true } }, (_request, reply) => reply.callNotFound());
  app.get<{ Params: { '*': string } }>(
    '/*',
    { schema: { hide: true }, config: { public: true } },
    (request, reply) => {
      const path = request.params['*'];
      if (path.startsWith('assets/')) {
        if (!files.has(path)) return reply.callNotFound();
        reply.header('cache-control', IMMUTABLE);
        return reply.sendFile(path);
      }
      return path !== 'index.html' && files.has(path) ? reply.sendFile(path) : sendIndex(reply);
    },
  );
  return true;
}
