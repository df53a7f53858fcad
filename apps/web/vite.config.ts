import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';
// A workspace library's source, found through npm's workspace link.
const librarySource = (name: string) =>
  path.join(path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), 'src', 'index.ts');

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The web bundles the contract source directly: no build of libs/contracts needed first.
    alias: {
      '@tvaers/contracts': librarySource('@tvaers/contracts'),
      '@tvaers/domain': librarySource('@tvaers/domain'),
      // apps/web/src by name, so no import climbs folders (tsconfig.json `paths` says the same).
      '@web': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Framework code changes rarely: separate chunks stay cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // FullCalendar stays with the (lazy) calendar page.
            { name: 'vendor', test: /node_modules[\\/](?!@fullcalendar[\\/]|@full-ui[\\/])/ },
          ],
        },
      },
    },
  },
});
