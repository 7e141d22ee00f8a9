import { describe, expect, test } from 'vitest';
import {
  isContentScriptSender,
  isExtensionPageSender,
  isTrustedSender,
  senderKind,
} from '../../lib/messages/trust';
import {
  OWN_ID,
  OWN_ORIGIN,
  UNTRUSTED,
  background,
  contentScript,
  guideTab,
  own,
  popup,
} from './messages-senders';

describe('senders', () => {
  test.each(UNTRUSTED)('rejects %s', (_name, sender) => {
    expect(isTrustedSender(sender, OWN_ID, { ownOrigin: OWN_ORIGIN })).toBe(false);
    expect(senderKind(sender, own)).toBeNull();
  });

  test('an empty own id trusts nobody, even a sender without an id', () => {
    expect(
      isTrustedSender({ url: 'https://evil.example/', tab: {} }, '', { ownOrigin: OWN_ORIGIN }),
    ).toBe(false);
    expect(
      isTrustedSender({ id: '', url: `${OWN_ORIGIN}popup.html` }, '', { ownOrigin: OWN_ORIGIN }),
    ).toBe(false);
  });

  test('an empty or malformed own origin makes no sender an extension page', () => {
    for (const ownOrigin of ['', '/', 'chrome-extension://', 'not an origin']) {
      expect(isExtensionPageSender(popup, { ownId: OWN_ID, ownOrigin })).toBe(false);
    }
  });

  test('the own origin may be given without its trailing slash', () => {
    expect(
      isExtensionPageSender(popup, { ownId: OWN_ID, ownOrigin: `chrome-extension://${OWN_ID}` }),
    ).toBe(true);
  });

  test('Firefox: the origin is a per-install UUID, not the id', () => {
    const ffOwn = {
      ownId: 'myolens@example.org',
      ownOrigin: 'moz-extension://0a1b2c3d-1111-2222-3333-444455556666/',
    };
    const ffPopup = {
      id: 'myolens@example.org',
      url: 'moz-extension://0a1b2c3d-1111-2222-3333-444455556666/popup.html',
    };
    expect(senderKind(ffPopup, ffOwn)).toBe('extension-page');
  });

  test('tells our pages from our content scripts', () => {
    expect(senderKind(popup, own)).toBe('extension-page');
    expect(senderKind(guideTab, own)).toBe('extension-page');
    expect(senderKind(background, own)).toBe('extension-page');
    expect(senderKind(contentScript, own)).toBe('content-script');
    expect(isContentScriptSender(guideTab, own)).toBe(false);
    expect(isExtensionPageSender(contentScript, own)).toBe(false);
  });

  test('allow narrows the kinds trusted', () => {
    const pagesOnly = { ownOrigin: OWN_ORIGIN, allow: ['extension-page'] as const };
    expect(isTrustedSender(popup, OWN_ID, pagesOnly)).toBe(true);
    expect(isTrustedSender(contentScript, OWN_ID, pagesOnly)).toBe(false);
    expect(isTrustedSender(contentScript, OWN_ID, { ownOrigin: OWN_ORIGIN })).toBe(true);
  });
});
