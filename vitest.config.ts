import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.svelte.test.ts'],
          environment: 'node',
          // Projects do not inherit the root's timeout; real processes and browsers start slowly on CI.
          testTimeout: 20_000,
        },
      },
      {
        // Runes bridges (lib/state) need Svelte's client runtime: compile runes, resolve the browser build.
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'svelte',
          testTimeout: 20_000,
          include: ['tests/unit/**/*.svelte.test.ts'],
          environment: 'happy-dom',
          server: { deps: { inline: ['svelte'] } },
        },
      },
    ],
  },
});
