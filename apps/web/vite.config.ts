import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API listens on 3000 by default; API_TARGET points the proxy elsewhere (e.g. a second API on another port).
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:3000';
const contractsEntry = fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The contracts package ships TypeScript source; point straight at it so no build step is needed.
    alias: { '@dj/contracts': contractsEntry },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is larger than Vite's default 500 kB warning threshold.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
