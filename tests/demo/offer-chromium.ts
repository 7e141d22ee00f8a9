// `npm run demo` on a machine without Chromium: where apt-get can install it and someone is
// at a terminal, ask and install; everywhere else (CI, piped output, no apt-get, no sudo)
// print the one line on how to install it, as before. Everything the decision touches
// comes in through `OfferWorld`, so tests/unit/demo-offer-chromium.test.ts drives it
// with fakes.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { NO_CHROMIUM_HELP } from '../support/find-chromium';

/** What offering to install Chromium needs from the machine. */
export interface OfferWorld {
  env: NodeJS.ProcessEnv;
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
  /** Running as root (then apt-get needs no sudo). */
  isRoot: boolean;
  /** Is `name` an executable on $PATH? */
  which(name: string): boolean;
  /** Asks on the terminal; resolves with the line typed. */
  ask(question: string): Promise<string>;
  /** Runs a command on the terminal; resolves with its exit status (null: it never ran). */
  run(command: string, args: string[]): Promise<number | null>;
  /** Prints a line for the user (stderr). */
  print(line: string): void;
}

/** How an offer ended. */
export type OfferResult = 'installed' | 'declined' | 'failed' | 'not-offered';

/** Is this a CI run? (Most CI services set CI=true; an explicit false or 0 is not.) */
export function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return !!ci && ci !== 'false' && ci !== '0';
}

/** May we ask? Only with apt-get, a person at both ends of the terminal, and not in CI. */
export function canOffer(world: OfferWorld): boolean {
  return (
    !!world.stdin.isTTY &&
    !!world.stdout.isTTY &&
    !isCI(world.env) &&
    world.which('apt-get') &&
    (world.isRoot || world.which('sudo'))
  );
}

/** The install command: apt-get as root, else through sudo (which asks for the password). */
export function installCommand(isRoot: boolean): [string, string[]] {
  const apt = ['apt-get', 'install', '-y', 'chromium'];
  return isRoot ? [apt[0]!, apt.slice(1)] : ['sudo', apt];
}

/** Offers to install Chromium with apt-get; prints the one-line help whenever it does not. */
export async function offerChromium(world: OfferWorld): Promise<OfferResult> {
  if (!canOffer(world)) {
    world.print(NO_CHROMIUM_HELP);
    return 'not-offered';
  }
  const [command, args] = installCommand(world.isRoot);
  const shown = [command, ...args].join(' ');
  const answer = await world.ask(`No Chromium found. Install it now with \`${shown}\`? [y/N] `);
  if (!/^\s*y(es)?\s*$/i.test(answer)) {
    world.print(NO_CHROMIUM_HELP);
    return 'declined';
  }
  const status = await world.run(command, args);
  if (status === 0) return 'installed';
  // A fresh container has no package lists yet: apt-get then cannot find the package.
  world.print(
    `\`${shown}\` failed (${status === null ? 'did not start' : `exit ${status}`}); if it could not find the package, run \`${world.isRoot ? '' : 'sudo '}apt-get update\` first.`,
  );
  world.print(NO_CHROMIUM_HELP);
  return 'failed';
}

/** The real machine: this process's terminal, $PATH and child processes. */
export function nodeWorld(): OfferWorld {
  const env = process.env;
  return {
    env,
    stdin: process.stdin,
    stdout: process.stdout,
    isRoot: process.getuid?.() === 0,
    which: (name) =>
      (env.PATH ?? '').split(delimiter).some((dir) => {
        if (!dir) return false;
        try {
          accessSync(join(dir, name), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
    ask: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    run: (command, args) =>
      new Promise((done) => {
        const child = spawn(command, args, { stdio: 'inherit' });
        child.on('error', () => done(null));
        child.on('exit', (code) => done(code));
      }),
    print: (line) => console.error(line),
  };
}
