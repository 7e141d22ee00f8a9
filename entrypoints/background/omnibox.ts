import { browser } from 'wxt/browser';
import {
  defaultSuggestion,
  omniboxSuggestions,
  omniboxTarget,
  type OmniboxFlavour,
  type OmniboxSuggestion,
} from '@/lib/omnibox';
import type { KnowledgeSearch } from './search';

/** Where `omnibox.onInputEntered` asks a result to open (its OnInputEnteredDisposition). */
export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/** What entered text opens: a guide anchor or a search. */
export type GuideLink = { hash: string } | { query: string };

/** The address bar's two handlers, apart from the browser API so tests can call them. */
export interface OmniboxHandlers {
  /** The suggestions for typed text. */
  suggest(text: string): OmniboxSuggestion[];
  /** Opens what the entered text (a chosen suggestion's content, or typed text) names. */
  enter(text: string, disposition: Disposition): Promise<unknown>;
}

/** The handlers over the guide's search; `open` opens the guide (see index.ts). */
export function omniboxHandlers(
  knowledge: () => KnowledgeSearch,
  flavour: OmniboxFlavour,
  open: (link: GuideLink, disposition: Disposition) => Promise<unknown>,
): OmniboxHandlers {
  return {
    suggest: (text) => omniboxSuggestions(knowledge().search(text), flavour),
    enter: (text, disposition) => open(omniboxTarget(text, knowledge().contents), disposition),
  };
}

/**
 * Registers the handlers with the browser's address bar (the manifest's `omnibox`
 * keyword; a manifest key, not a permission). Firefox for Android has no omnibox API.
 */
export function listenOmnibox(handlers: OmniboxHandlers, flavour: OmniboxFlavour): void {
  const omnibox = browser.omnibox as typeof browser.omnibox | undefined;
  if (!omnibox) return;
  void Promise.resolve(
    omnibox.setDefaultSuggestion({ description: defaultSuggestion(flavour) }),
  ).catch(() => undefined);
  omnibox.onInputChanged.addListener((text, suggest) => suggest(handlers.suggest(text)));
  omnibox.onInputEntered.addListener((text, disposition) => {
    void handlers.enter(text, disposition).catch(() => undefined);
  });
}
