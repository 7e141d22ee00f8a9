import { describe, expect, test } from 'vitest';
import { NO_CHROMIUM_HELP } from '../support/find-chromium';
import {
  canOffer,
  installCommand,
  isCI,
  offerChromium,
  type OfferWorld,
} from '../demo/offer-chromium';

/** A fake machine: a terminal with apt-get and sudo, not CI, not root; records what happens. */
function world(over: Partial<OfferWorld> & { answer?: string; status?: number | null } = {}) {
  const asked: string[] = [];
  const ran: string[][] = [];
  const printed: string[] = [];
  const { answer = 'y', status = 0, ...rest } = over;
  const w: OfferWorld = {
    env: {},
    stdin: { isTTY: true },
    stdout: { isTTY: true },
    isRoot: false,
    which: (name) => name === 'apt-get' || name === 'sudo',
    ask: async (q) => {
      asked.push(q);
      return answer;
    },
    run: async (command, args) => {
      ran.push([command, ...args]);
      return status;
    },
    print: (line) => printed.push(line),
    ...rest,
  };
  return { w, asked, ran, printed };
}

describe('who is asked', () => {
  test('a person at a terminal with apt-get and sudo', () => {
    expect(canOffer(world().w)).toBe(true);
  });

  test.each<[string, Partial<OfferWorld>]>([
    ['no apt-get (Fedora, macOS)', { which: (n) => n === 'sudo' }],
    ['stdin is not a terminal (piped, `< /dev/null`)', { stdin: { isTTY: false } }],
    ['stdout is not a terminal (`| tee log`)', { stdout: {} }],
    ['CI=true', { env: { CI: 'true' } }],
    ['CI=1', { env: { CI: '1' } }],
    ['not root and no sudo', { which: (n) => n === 'apt-get' }],
  ])('not: %s, who gets the one line and nothing runs', async (_, over) => {
    const { w, asked, ran, printed } = world(over);
    expect(canOffer(w)).toBe(false);
    expect(await offerChromium(w)).toBe('not-offered');
    expect(asked).toEqual([]);
    expect(ran).toEqual([]);
    expect(printed).toEqual([NO_CHROMIUM_HELP]);
  });

  test('root without sudo is asked (a container)', () => {
    expect(canOffer(world({ isRoot: true, which: (n) => n === 'apt-get' }).w)).toBe(true);
  });

  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['yes', true],
  ])('CI=%j is CI: %s', (value, ci) => {
    expect(isCI(value === undefined ? {} : { CI: value })).toBe(ci);
  });
});

describe('what runs', () => {
  test('sudo apt-get install -y chromium, only after a yes', async () => {
    const { w, asked, ran, printed } = world({ answer: 'y' });
    expect(await offerChromium(w)).toBe('installed');
    expect(asked).toEqual([
      'No Chromium found. Install it now with `sudo apt-get install -y chromium`? [y/N] ',
    ]);
    expect(ran).toEqual([['sudo', 'apt-get', 'install', '-y', 'chromium']]);
    expect(printed).toEqual([]);
  });

  test('as root, without sudo', async () => {
    const { w, ran } = world({ isRoot: true, answer: 'yes' });
    expect(await offerChromium(w)).toBe('installed');
    expect(ran).toEqual([['apt-get', 'install', '-y', 'chromium']]);
    expect(installCommand(true)).toEqual(['apt-get', ['install', '-y', 'chromium']]);
  });

  test.each(['', 'n', 'no', 'N', 'maybe', 'yess'])(
    'answer %j (the default is no): nothing runs, the one line is printed',
    async (answer) => {
      const { w, ran, printed } = world({ answer });
      expect(await offerChromium(w)).toBe('declined');
      expect(ran).toEqual([]);
      expect(printed).toEqual([NO_CHROMIUM_HELP]);
    },
  );

  test.each([' Y ', 'YES', 'Yes'])('answer %j is a yes', async (answer) => {
    expect(await offerChromium(world({ answer }).w)).toBe('installed');
  });

  test('a failing install says so, suggests apt-get update, and prints the one line', async () => {
    const { w, printed } = world({ status: 100 });
    expect(await offerChromium(w)).toBe('failed');
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/exit 100.*sudo apt-get update/);
    expect(printed[1]).toBe(NO_CHROMIUM_HELP);
  });

  test('a command that never started is a failure too', async () => {
    const { w, printed } = world({ status: null });
    expect(await offerChromium(w)).toBe('failed');
    expect(printed[0]).toMatch(/did not start/);
  });
});
