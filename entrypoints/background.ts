import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { acceptMessage } from '@/lib/messages';
import { guideLinkSuffix } from '@/lib/guide-url';

export default defineBackground(() => {
  const own = { ownId: browser.runtime.id, ownOrigin: browser.runtime.getURL('/') };

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Our own contexts only, each only with the messages it may send.
    const message = acceptMessage(raw, sender, own);
    if (!message) return undefined;
    switch (message.type) {
      case 'open-guide':
        return browser.tabs
          .create({
            url: browser.runtime.getURL('/guide.html') + guideLinkSuffix(message),
            // Open next to the page the reader came from.
            index: sender.tab?.index !== undefined ? sender.tab.index + 1 : undefined,
            openerTabId: sender.tab?.id,
          })
          .then(() => undefined);
      default:
        return undefined;
    }
  });

  // Keyboard commands act on the tab they were pressed in; the content script there
  // knows its own page (no `tabs` permission needed to read its URL).
  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    const direction = command === 'next-term' ? 1 : command === 'previous-term' ? -1 : 0;
    if (!direction) return;
    browser.tabs.sendMessage(tab.id, { type: 'move-term', direction }).catch(() => undefined);
  });
});
