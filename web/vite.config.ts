import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

/** The web app, built into web/dist and served by the Closepath server on its own port. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 700,
  },
  // `npx vite web`: the app with hot reload, the API proxied to a running `npm start`.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
