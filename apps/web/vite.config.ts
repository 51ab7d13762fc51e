import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The API listens on 3000 by default; API_TARGET points the proxy elsewhere (e.g. a second API on another port).
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:3000';
const contractsEntry = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));

/**
 * Writes .br and .gz beside every text file of the build, once: the server sends them as they are
 * (@fastify/static preCompressed), so a member's phone on a weak line downloads a fraction of the bytes and the
 * server spends no CPU compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'dj-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const [name, file] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
        const data = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (data.length < 1024) continue;
        writeFileSync(join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
        writeFileSync(join(dir, `${name}.br`), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/** In development the sign-in page is /login as in production (plugins/web.ts serves login.html there). */
function signInPageInDev(): Plugin {
  return {
    name: 'dj-sign-in-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url === '/login' || request.url?.startsWith('/login?')) request.url = `/login.html${request.url.slice('/login'.length)}`;
        next();
      });
    },
  };
}

/**
 * What both pages (index.html, login.html) say of themselves in <head>, written once: the phone's viewport, the party
 * red of the browser's bar, the description search engines and share previews show, and the API's icon.
 */
function platformHead(): Plugin {
  const meta = (name: string, content: string) => ({ tag: 'meta', attrs: { name, content }, injectTo: 'head' as const });
  return {
    name: 'dj-platform-head',
    transformIndexHtml: () => [
      meta('viewport', 'width=device-width, initial-scale=1.0'),
      meta('theme-color', '#C8161D'),
      meta('description', '党建引领乡村振兴工作平台:镇村党组织的组织生活、党员管理、发展党员、三务公开、集体经济与教育培训在一处办理,党员在手机上查看自己的组织生活。'),
      { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), precompress(), signInPageInDev(), platformHead()],
  resolve: {
    // The contracts package ships TypeScript source; point straight at it so no build step is needed.
    alias: { '@dj/contracts': contractsEntry },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each entry loads up front; the API's test keeps the sign-in page's within a budget.
    manifest: true,
    // antd alone is larger than Vite's default 500 kB warning threshold.
    chunkSizeWarningLimit: 2000,
    // Two pages: the app, and the plain sign-in page (login.html, issue 21 point 4) that carries neither React nor antd.
    rollupOptions: { input: { app: fileURLToPath(new URL('index.html', import.meta.url)), signIn: fileURLToPath(new URL('login.html', import.meta.url)) } },
  },
  server: {
    port: 5173,
    // The icon is the API's (plugins/web.ts), as in production.
    proxy: { '/api': { target: apiTarget, changeOrigin: false }, '/favicon.svg': { target: apiTarget } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
