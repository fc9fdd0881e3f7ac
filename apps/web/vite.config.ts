import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// No framework plugin: Vite 8 compiles TSX (automatic JSX runtime) with oxc on its own.
export default defineConfig({
  root: here,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // TanStack Query marks its modules "use client" for React Server Components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // The award catalogue and the document types are imported from libs/domain, outside this folder.
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] }, proxy: { '/api': 'http://localhost:3000' } },
});
