import { existsSync } from 'node:fs';

/**
 * Where .ci/run unpacks the oldest Firefox ESR that Debian still offers (for now 140, our
 * `strict_min_version`), next to the current one it installs, so both are tested.
 */
export const OLDEST_FIREFOX = '/opt/firefox-oldest/usr/lib/firefox-esr/firefox-esr';

/** Where a Firefox lives: $FIREFOX_PATH, or Debian's firefox-esr / firefox. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/**
 * Every Firefox to test: the one findFirefox() finds, then the oldest one when installed
 * ($FIREFOX_OLDEST_PATH or OLDEST_FIREFOX).
 */
export function findFirefoxes(env: NodeJS.ProcessEnv = process.env): string[] {
  const oldest = env.FIREFOX_OLDEST_PATH ?? OLDEST_FIREFOX;
  const found = [findFirefox(env), existsSync(oldest) ? oldest : undefined];
  return [...new Set(found.filter((p): p is string => !!p))];
}

/** The one line we print when no Firefox is found. */
export const NO_FIREFOX_HELP =
  'No Firefox found: install one (Debian: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to its executable.';
