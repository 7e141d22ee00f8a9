import type { CDPSession } from '@playwright/test';
import { expect, test } from './fixtures';
import { marksSettled } from './helpers';
import { ourErrorsStrict } from './robust-a-helpers';
import { markOf, term, TooltipProbe } from './tooltip-helpers';

// Written for the wrap renderer's <mark> elements, one for every mention: forced by the
// settings here; paint.spec.ts and footprint.spec.ts cover the defaults.
test.use({ stored: { renderer: 'wrap', density: 'all' } });

// Robustness, hostile scripts: before any content script runs, the page wraps or
// sabotages the DOM and language built-ins (appendChild, insertBefore, Array push,
// JSON.stringify, RegExp exec, String replace, MutationObserver, requestIdleCallback,
// setTimeout, Promise, ...) and freezes the prototypes. The content script runs in an
// isolated world with globals of its own, so it still marks and its tooltip still opens,
// and the page's call log proves that none of our work went through the page's functions.

/** Evaluates in the page's main world through CDP: no page function serialises the result. */
async function inMainWorld<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`main world: ${exceptionDetails.text}`);
  return result.value as T;
}

type Calls = Record<string, number>;

test('hostile scripts: overridden and frozen built-ins in the page do not reach MyoLens, which still marks and shows its tooltip', async ({
  context,
  server,
  consoleErrors,
}) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.origin}/robust-a/hostile-scripts.html`);
  await marksSettled(page);
  await expect(page.locator('#p1 mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);
  await expect(page.locator('#p2 mark[data-myolens-term="vdr"]')).toHaveCount(1);
  await expect(page.locator('#p2 mark[data-myolens-term="dynapenia"]')).toHaveCount(1);
  // Hover intent (setTimeout), the shadow root, Floating UI, Preact: all still work.
  // (Only Playwright's own world and CDP from here on: page.evaluate would run
  // Playwright's helpers in the page's world, through the page's functions.)
  const probe = await TooltipProbe.attach(page);
  await markOf(page, 'sarcopenia').hover();
  await expect(page.locator('[data-myolens-ui]')).toHaveCount(1);
  const state = await probe.waitOpen(term('sarcopenia').label);
  expect(state.summary).toBe(term('sarcopenia').summary);

  // The page's log: what its own script did before we ran, and everything since.
  const { atLoad, now, callers } = await inMainWorld<{
    atLoad: Calls;
    now: Calls;
    callers: string[];
  }>(cdp, '({ atLoad: window.__atLoad, now: window.__calls, callers: window.__callers })');
  // The page itself used its wrapped functions (the log works)...
  expect(atLoad['EventTarget.addEventListener']).toBeGreaterThan(0);
  // ...and since then, marking, hovering and the tooltip called none of them.
  expect(now, `calls since load:\n${callers.join('\n')}`).toEqual(atLoad);

  // The page's environment is still its own: overrides in place, prototypes frozen.
  const page_ = await inMainWorld<Record<string, unknown>>(
    cdp,
    `({
      frozen: [Node.prototype, Element.prototype, Array.prototype, Object.prototype].every(Object.isFrozen),
      observerSabotaged: !String(window.MutationObserver).includes('[native code]'),
      idleSabotaged: !String(window.requestIdleCallback).includes('[native code]'),
      text: document.getElementById('main').textContent.replace(/\\s+/g, ' ').trim(),
    })`,
  );
  expect(page_).toEqual({
    frozen: true,
    observerSabotaged: true,
    idleSabotaged: true,
    text: 'A hostile page Doctors call the slow loss of muscle mass with age sarcopenia. The vitamin D receptor sits in muscle cells, and dynapenia is the loss of strength.',
  });
  // Control: a call made in the page's world is logged (so a call of ours would have been).
  const logged = await inMainWorld<number>(
    cdp,
    `document.body.appendChild(document.createComment('probe')), window.__calls['Element.appendChild']`,
  );
  expect(logged).toBe((atLoad['Element.appendChild'] ?? 0) + 1);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a page that defines <myolens-ui> itself cannot take over or block the tooltip host', async ({
  context,
  server,
  consoleErrors,
}) => {
  // Custom elements are registered per document, not per world: the page's definition of
  // our host's tag name runs the page's constructor on our host element (telling the page
  // we are here), and `disabledFeatures = ['shadow']` (or attaching a shadow root first)
  // makes our attachShadow throw: no tooltip, and an uncaught error from our script.
  server.route('/robust-a/custom-element.html', {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>custom element</title>
    <script>
      window.__hijacked = [];
      customElements.define('myolens-ui', class extends HTMLElement {
        static disabledFeatures = ['shadow'];
        constructor() {
          super();
          window.__hijacked.push('constructed');
        }
        connectedCallback() {
          window.__hijacked.push('connected');
        }
      });
    </script></head><body>
    <p id="p1">Doctors call the slow loss of muscle mass with age sarcopenia.</p></body></html>`,
  });
  const page = await context.newPage();
  await page.goto(`${server.origin}/robust-a/custom-element.html`);
  await marksSettled(page);
  const probe = await TooltipProbe.attach(page);
  await markOf(page, 'sarcopenia').hover();
  const state = await probe.waitOpen(term('sarcopenia').label);
  expect(state.mode).toBe('closed');
  expect(
    await page.evaluate(() => (window as unknown as { __hijacked: string[] }).__hijacked),
  ).toEqual([]);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});
