import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every name's origin stays visible in the file that uses it.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'MyoLens',
    description:
      'Explains vitamin D and muscle-health terms where you read them, from one bundled guide. Works offline.',
    permissions: ['storage'],
  },
});
