/** Senders as `runtime.onMessage` reports them, for the message tests. */
import type { SenderLike } from '../../lib/messages';

export const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
export const own = { ownId: OWN_ID, ownOrigin: OWN_ORIGIN };

export const popup: SenderLike = { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` };
export const guideTab: SenderLike = {
  id: OWN_ID,
  url: `${OWN_ORIGIN}guide.html#term-vdr`,
  tab: { id: 5 },
};
export const background: SenderLike = { id: OWN_ID, url: `${OWN_ORIGIN}background.js` };
export const contentScript: SenderLike = {
  id: OWN_ID,
  url: 'https://example.com/article',
  tab: { id: 9 },
};

export const UNTRUSTED: [string, SenderLike][] = [
  [
    'another extension',
    {
      id: 'otherextensionidotherextensionid',
      url: 'chrome-extension://otherextensionidotherextensionid/popup.html',
    },
  ],
  [
    'another extension claiming our URL',
    { id: 'otherextensionidotherextensionid', url: `${OWN_ORIGIN}popup.html` },
  ],
  ['a sender without an id', { url: `${OWN_ORIGIN}popup.html` }],
  ['a web page (externally connectable)', { url: 'https://evil.example/', tab: { id: 3 } }],
  ['a web page with an empty id', { id: '', url: 'https://evil.example/', tab: { id: 3 } }],
  ['our id with no URL and no tab', { id: OWN_ID }],
  ['our id, a look-alike origin', { id: OWN_ID, url: `chrome-extension://${OWN_ID}x/popup.html` }],
];
