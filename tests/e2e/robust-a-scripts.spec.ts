import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { countsOf, marked, setSettings, whenIdle } from './helpers';
import { ourErrorsStrict } from './robust-a-helpers';
import { hoverOpen, markOf, term, TooltipProbe } from './tooltip-helpers';

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

/**
 * Each renderer's way of finding #p1's "sarcopenia", #p2's "vdr" and "dynapenia", and of
 * pointing at the first: without page.evaluate, which would run in the page's world,
 * through the page's functions (only Playwright's own world, the probe's and CDP).
 */
const RENDERERS: {
  renderer: 'paint' | 'wrap';
  title: string;
  found(page: Page): Promise<void>;
  pointAtSarcopenia(page: Page, probe: TooltipProbe): Promise<void>;
}[] = [
  {
    renderer: 'paint',
    title: 'finds its terms (paint)',
    found: async (page) => {
      const answer = await whenIdle(page, (a) => a.available && a.terms.length > 0);
      expect(countsOf(answer)).toEqual({ sarcopenia: 1, vdr: 1, dynapenia: 1 });
    },
    pointAtSarcopenia: async (page, probe) => {
      // The word's box, measured in the probe's isolated world.
      const at = await probe.isolated<{ x: number; y: number }>(`(() => {
        const root = document.getElementById('p1');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf('sarcopenia');
          if (i < 0) continue;
          const range = new Range();
          range.setStart(n, i);
          range.setEnd(n, i + 'sarcopenia'.length);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
        throw new Error('no sarcopenia in #p1');
      })()`);
      await page.mouse.move(at.x, at.y);
    },
  },
  {
    renderer: 'wrap',
    title: 'still marks',
    found: async (page) => {
      await marked(page);
      await expect(page.locator('#p1 mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);
      await expect(page.locator('#p2 mark[data-myolens-term="vdr"]')).toHaveCount(1);
      await expect(page.locator('#p2 mark[data-myolens-term="dynapenia"]')).toHaveCount(1);
    },
    pointAtSarcopenia: (page) => markOf(page, 'sarcopenia').hover(),
  },
];

for (const { renderer, title, found, pointAtSarcopenia } of RENDERERS)
  test(`hostile scripts: overridden and frozen built-ins in the page do not reach MyoLens, which ${title} and shows its tooltip`, async ({
    context,
    server,
    background,
    consoleErrors,
  }) => {
    await setSettings(background, { renderer, density: 'all' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/robust-a/hostile-scripts.html`);
    await found(page);
    // Hover intent (setTimeout), the shadow root, Floating UI, Preact: all still work.
    const probe = await TooltipProbe.attach(page);
    await pointAtSarcopenia(page, probe);
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
  await whenIdle(page, (a) => countsOf(a).sarcopenia === 1);
  const probe = await TooltipProbe.attach(page);
  const state = await hoverOpen(probe, 'sarcopenia');
  expect(state.mode).toBe('closed');
  expect(
    await page.evaluate(() => (window as unknown as { __hijacked: string[] }).__hijacked),
  ).toEqual([]);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});
