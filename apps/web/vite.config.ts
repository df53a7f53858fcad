import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';
// A workspace library's source, found through npm's workspace link.
const librarySource = (name: string) =>
  path.join(path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), 'src', 'index.ts');

/**
 * Brotli and gzip twins of every text file the build writes, at the highest levels (paid once, at build); the API's
 * static handler sends the one the browser asks for. Small files are not worth a request-time choice.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzip = promisify(gzipCallback);
  return {
    name: 'tvaers-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const files = Object.keys(bundle)
        .filter((fileName) => /\.(js|css|html|svg|json)$/.test(fileName))
        .map((fileName) => path.join(options.dir ?? 'dist', fileName));
      // In parallel: zlib works on its own threads.
      await Promise.all(
        files.map(async (file) => {
          const source = await fs.readFile(file);
          if (source.length < 1024) return;
          const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } };
          await fs.writeFile(`${file}.br`, await brotli(source, quality));
          await fs.writeFile(`${file}.gz`, await gzip(source, { level: constants.Z_BEST_COMPRESSION }));
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
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
    // Never in production: the maps would publish the source as it was written.
    sourcemap: false,
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
