import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { marked, setSettings, unmarked, whenIdle } from './helpers';
import { bundle, html, ourErrorsStrict, TRACE } from './robust-a-helpers';
import { INITIAL, TYPED } from '../fixtures/robust-a/editors-text';

// About the wrap renderer's <mark> elements, the ones that could end up in what an editor
// saves: forced by the settings here (the paint renderer writes nothing into the page).
test.use({ stored: { renderer: 'wrap', density: 'all' } });

// Robustness, editors: text the user is writing is never marked. Our marks inside an
// editor would end up in what the editor saves (Quill's Delta, CodeMirror's document,
// a form's value, a CMS's innerHTML), so the only correct number of marks there is zero.

const EDITORS = html(
  'editors',
  `<main>
    <p id="outside">Outside the editors: sarcopenia and the vitamin D receptor.</p>
    <section id="editors">
      <div id="plain" contenteditable="true"><p>${INITIAL}</p></div>
      <textarea id="textarea" rows="3" cols="80">${INITIAL}</textarea>
      <div id="quill"></div>
      <div id="codemirror"></div>
    </section>
  </main>
  <script src="editors.js"></script>`,
);

/** Where to click to type into each editor. */
const TARGETS = {
  plain: '#plain p',
  textarea: '#textarea',
  quill: '#quill .ql-editor',
  codemirror: '#codemirror .cm-content',
};

/** What each editor holds, as the editor (or the page saving it) would serialise it. */
function serialise(page: Page) {
  return page.evaluate(() => {
    const textarea = document.getElementById('textarea') as HTMLTextAreaElement;
    return {
      plainHtml: document.getElementById('plain')!.innerHTML,
      plainText: document.getElementById('plain')!.textContent!.replace(/\u00a0/g, ' '),
      textareaValue: textarea.value,
      textareaDom: textarea.textContent,
      quill: window.editors.quill(),
      quillDom: document.querySelector('#quill .ql-editor')!.innerHTML,
      codemirror: window.editors.codemirror(),
    };
  });
}

/** Opens the editors page and types the same words at the end of every editor. */
async function typeEverywhere(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/editors/index.html`);
  await page.locator('#codemirror .cm-content').waitFor();
  for (const selector of Object.values(TARGETS)) {
    await page.click(selector);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(TYPED);
  }
}

test('editors (contenteditable, textarea, Quill 2, CodeMirror 6): nothing marked inside, typing adds no mark, saved content has no trace', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  server.route('/editors/index.html', { body: EDITORS });
  server.route('/editors/editors.js', {
    body: await bundle('editors-app.ts'),
    type: 'text/javascript',
  });

  // What the page does on its own: MyoLens switched off.
  await setSettings(background, { enabled: false });
  const baseline = await context.newPage();
  await typeEverywhere(baseline, server.origin);
  await unmarked(baseline);
  const expected = await serialise(baseline);
  await baseline.close();

  await setSettings(background, { enabled: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}/editors/index.html`);
  await marked(page);
  // MyoLens ran: the paragraph outside the editors is marked...
  await expect(page.locator('#outside mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);
  await expect(page.locator('#outside mark[data-myolens-term="vdr"]')).toHaveCount(1);
  // ...and the same terms inside every editor are not.
  await expect(page.locator('#editors mark')).toHaveCount(0);

  for (const [name, selector] of Object.entries(TARGETS)) {
    await page.click(selector);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(TYPED);
    // What the typing changed has been looked at.
    await whenIdle(page);
    expect(
      await page.locator('#editors mark').count(),
      `marks in the editors after typing in ${name}`,
    ).toBe(0);
  }

  const seen = await serialise(page);
  const whole = INITIAL + TYPED;
  expect(seen.plainText).toBe(whole);
  expect(seen.textareaValue).toBe(whole);
  expect(seen.quill.text).toBe(`${whole}\n`);
  expect(seen.codemirror).toBe(whole);
  for (const [what, value] of Object.entries(seen)) {
    expect(JSON.stringify(value), `${what} carries no trace of MyoLens`).not.toMatch(TRACE);
  }
  // The page's own behaviour, byte for byte: exactly what it saves with MyoLens off.
  expect(seen).toEqual(expected);
  await expect(page.locator('#outside mark[data-myolens-term]')).toHaveCount(2);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});

const EDIT_MODE = html(
  'edit mode',
  `<article id="doc">
    <h1>Sarcopenia, briefly</h1>
    <p id="body">Dynapenia, the loss of strength, often comes before sarcopenia. The vitamin D receptor sits in muscle cells.</p>
  </article>
  <button id="edit" type="button">Edit</button>
  <script>
    // A CMS-style "edit mode": the article itself becomes the editor.
    document.getElementById('edit').addEventListener('click', () => {
      const doc = document.getElementById('doc');
      doc.contentEditable = doc.isContentEditable ? 'false' : 'true';
    });
  </script>`,
);

test('an article that becomes contenteditable after marking: marks go when edit mode starts, come back when it ends', async ({
  context,
  server,
  background,
  consoleErrors,
}) => {
  server.route('/edit-mode.html', { body: EDIT_MODE });
  await setSettings(background, { enabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/edit-mode.html`);
  await unmarked(page);
  const original = await page.locator('#doc').innerHTML();

  await setSettings(background, { enabled: true });
  await marked(page);
  // The h1's mention is explained on hover, never underlined: one mark, in #body.
  await expect(page.locator('#doc mark[data-myolens-term="sarcopenia"]')).toHaveCount(1);

  // Edit mode: our marks would be saved with the article, so they must go, and the
  // region must be exactly what the page wrote.
  await page.click('#edit');
  await expect(page.locator('#doc')).toHaveAttribute('contenteditable', 'true');
  await expect(page.locator('#doc mark')).toHaveCount(0);
  expect(await page.locator('#doc').innerHTML()).toBe(original);

  await page.click('#body');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(TYPED);
  await whenIdle(page);
  await expect(page.locator('#doc mark')).toHaveCount(0);
  const edited = await page.locator('#doc').innerHTML();
  expect(edited).not.toMatch(TRACE);
  expect(edited).toContain(TYPED.trim());

  // Back to reading: the article (typed words included) is marked again.
  await page.click('#edit');
  await expect(page.locator('#doc')).toHaveAttribute('contenteditable', 'false');
  await expect(page.locator('#doc mark[data-myolens-term="sarcopenia"]')).toHaveCount(2);
  await expect(page.locator('#doc mark[data-myolens-term="vdr"]')).toHaveCount(2);
  expect(ourErrorsStrict(consoleErrors)).toEqual([]);
});
