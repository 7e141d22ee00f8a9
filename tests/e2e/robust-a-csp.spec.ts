import { expect, test } from './fixtures';
import { marksSettled } from './helpers';
import { collectViolations, html, lookOf, ourErrorsStrict, violations } from './robust-a-helpers';
import { hoverOpen, term, TooltipProbe } from './tooltip-helpers';

// Written for the wrap renderer's <mark> elements, one for every mention: forced by the
// settings here; paint.spec.ts and footprint.spec.ts cover the defaults.
test.use({ stored: { renderer: 'wrap', density: 'all' } });

// Robustness, strict Content Security Policy and Trusted Types. Our mark styles come from
// the manifest's content-script CSS and the tooltip's from a constructed stylesheet, and we
// never write HTML strings or load anything: so on the strictest pages marks are styled,
// the tooltip works, and the page's policy reports nothing of ours.

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

for (const policy of POLICIES) {
  test(`${policy.name}: marks styled, tooltip works, no violation of ours`, async ({
    context,
    server,
    consoleErrors,
  }) => {
    server.route(policy.path, { body: policy.body, headers: policy.headers });
    const page = await context.newPage();
    await collectViolations(page);
    await page.goto(`${server.origin}${policy.path}`);
    await marksSettled(page);
    await expect(page.locator('#p1 mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);
    await expect(page.locator('#p2 mark[data-myolens-term="vdr"]')).toHaveCount(1);

    const look = await lookOf(page, '#p1 mark[data-myolens-term="sarcopenia"]');
    expect([look.textDecorationLine, look.textDecorationStyle]).toEqual(['underline', 'dotted']);
    expect(look.visible).toBe(true);

    const probe = await TooltipProbe.attach(page);
    const state = await hoverOpen(probe, 'vdr');
    expect(state.label).toBe(term('vdr').label);
    expect(state.buttons.length).toBeGreaterThan(0);
    // The tooltip's own styles applied (a blocked sheet would leave it unstyled, static).
    const styles = await probe.styles(['.ml-layer'], ['position']);
    expect(styles['.ml-layer']?.position).toBe('fixed');

    // Give late reports (they are queued as tasks) a moment.
    await page.waitForTimeout(300);
    expect(await violations(page), 'securitypolicyviolation events').toEqual([]);
    expect(
      consoleErrors.filter((e) => /Content Security Policy|Trusted Type/i.test(e.text)),
    ).toEqual([]);
    expect(ourErrorsStrict(consoleErrors)).toEqual([]);

    // Control: the policy is in force and the collector hears it.
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
    await expect.poll(async () => (await violations(page)).length).toBe(1);
  });
}
