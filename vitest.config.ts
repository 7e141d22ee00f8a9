import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: [
      // WXT's mock of `wxt/browser` imports its fake browser from `wxt/testing`, whose index
      // also exports the Vitest plugin, and with it WXT's whole build core and Vite: about
      // 2 s of imports in every test file that reaches the extension APIs. The fake browser
      // alone is what the tests use.
      { find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' },
    ],
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/dom/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Worker threads, not child processes: the same isolation per file, a quarter less
    // CPU (93 → 68 core-seconds for the suite, measured), which the gate's other lane needs.
    pool: 'threads',
  },
});
