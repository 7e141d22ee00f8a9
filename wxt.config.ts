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
    permissions: ['storage', 'contextMenus'],
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+Down' },
        description: 'Go to the next marked term and show its explanation',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+Up' },
        description: 'Go to the previous marked term and show its explanation',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Turn MyoLens on or off for this site',
      },
    },
  },
});
