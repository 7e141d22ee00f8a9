import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { countsOf, marked, setSettings, whenIdle } from './helpers';
import { painted } from './paint-helpers';
import { collectViolations, html, lookOf, ourErrorsStrict, violations } from './robust-a-helpers';
import { hoverOpen, term, TooltipProbe } from './tooltip-helpers';

// Robustness, strict Content Security Policy and Trusted Types. Our underline styles come
// from the manifest's content-script CSS (for the paint renderer's highlights and the wrap
// renderer's marks alike) and the tooltip's from a constructed stylesheet, and we never
// write HTML strings or load anything: so on the strictest pages terms are styled, the
// tooltip works, and the page's policy reports nothing of ours.

/** Each renderer's way of showing #p1's "sarcopenia" and #p2's "vdr", and its style there. */
const RENDERERS: {
  renderer: 'paint' | 'wrap';
  title: string;
  /** Waits until the two terms are shown; returns #p1's underline (line and style). */
  shown(page: Page): Promise<[string, string]>;
}[] = [
  {
    renderer: 'paint',
    title: 'underlines styled (paint)',
    shown: async (page) => {
      const a = await whenIdle(page, (a) => a.available);
      expect(countsOf(a)).toEqual({ sarcopenia: 1, vdr: 1 });
      await painted(page, 2);
      return page.evaluate(() => {
        const cs = getComputedStyle(document.getElementById('p1')!, '::highlight(myolens)');
        return [cs.textDecorationLine, cs.textDecorationStyle] as [string, string];
      });
    },
  },
  {
    renderer: 'wrap',
    title: 'marks styled',
    shown: async (page) => {
      await marked(page);
      await expect(page.locator('#p1 mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);
      await expect(page.locator('#p2 mark[data-myolens-term="vdr"]')).toHaveCount(1);
      const look = await lookOf(page, '#p1 mark[data-myolens-term="sarcopenia"]');
      expect(look.visible).toBe(true);
      return [look.textDecorationLine, look.textDecorationStyle];
    },
  },
];

const BODY = `<main>
  <p id="p1">Doctors call the slow loss of muscle mass with age sarcopenia.</p>
  <p id="p2">The vitamin D receptor sits in muscle cells.</p>
</main>`;

const POLICIES: {
  name: string;
  path: string;
  body: string;
  headers?: Record<string, string>;
  /** Breaks the page's policy on purpose: the collector must see it (the test can fail). */
  control: 'style' | 'trusted-types';
}[] = [
  {
    name: "CSP header default-src 'none'",
    path: '/robust-a/csp-header.html',
    body: html('csp header', BODY),
    headers: { 'content-security-policy': "default-src 'none'" },
    control: 'style',
  },
  {
    name: "CSP <meta http-equiv> default-src 'none'",
    path: '/robust-a/csp-meta.html',
    body: html(
      'csp meta',
      BODY,
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`,
    ),
    control: 'style',
  },
  {
    name: "Trusted Types required (trusted-types 'none')",
    path: '/robust-a/trusted-types.html',
    body: html('trusted types', BODY),
    headers: {
      'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'",
    },
    control: 'trusted-types',
  },
];

for (const { renderer, title, shown } of RENDERERS)
  for (const policy of POLICIES) {
    test(`${policy.name}: ${title}, tooltip works, no violation of ours`, async ({
      context,
      server,
      background,
      consoleErrors,
    }) => {
      await setSettings(background, { renderer, density: 'all' });
      server.route(policy.path, { body: policy.body, headers: policy.headers });
      const page = await context.newPage();
      await collectViolations(page);
      await page.goto(`${server.origin}${policy.path}`);
      expect(await shown(page)).toEqual(['underline', 'dotted']);

      const probe = await TooltipProbe.attach(page);
      const state = await hoverOpen(probe, 'vdr');
      expect(state.label).toBe(term('vdr').label);
      expect(state.buttons.length).toBeGreaterThan(0);
      // The tooltip's own styles applied (a blocked sheet would leave it unstyled, static).
      const styles = await probe.styles(['.ml-layer'], ['position']);
      expect(styles['.ml-layer']?.position).toBe('fixed');

      expect(
        consoleErrors.filter((e) => /Content Security Policy|Trusted Type/i.test(e.text)),
      ).toEqual([]);
      expect(ourErrorsStrict(consoleErrors)).toEqual([]);

      // Control: the policy is in force and the collector hears it. Reports are queued as
      // tasks, in order: once the control's is in, any of ours would be in before it.
      await page.evaluate((kind) => {
        if (kind === 'style') {
          const style = document.createElement('style');
          style.textContent = 'p { color: red }';
          document.head.append(style);
        } else {
          try {
            document.getElementById('p1')!.insertAdjacentHTML('beforeend', '<b>x</b>');
          } catch {
            /* TypeError: the sink requires TrustedHTML */
          }
        }
      }, policy.control);
      await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
      const seen = await violations(page);
      expect(seen, "securitypolicyviolation events: the control's alone").toHaveLength(1);
      expect(seen[0]).toMatch(policy.control === 'style' ? /^style-src/ : /trusted-types/);
      expect(ourErrorsStrict(consoleErrors)).toEqual([]);
    });
  }
