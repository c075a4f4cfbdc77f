/**
 * The browser the web app's end-to-end tests drive: Debian's Chromium (playwright-core does not
 * download one, and this machine's network could not fetch Playwright's build anyway). Found at
 * CHROMIUM_PATH or /usr/bin/chromium; installed once with apt-get when missing and allowed (root,
 * apt-get present), the way the Temporal CLI is installed with `go install`.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const INSTALL_HELP = 'Cài Chromium (Debian: `apt-get install chromium`) hoặc đặt CHROMIUM_PATH / install Chromium or set CHROMIUM_PATH.';

/** Flags for a headless run on a machine without a display or outside network (no sandbox as root). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let lookup: Promise<string> | undefined;

export function ensureChromium(): Promise<string> {
  lookup ??= locateOrInstall().catch((error: unknown) => {
    lookup = undefined;
    throw error;
  });
  return lookup;
}

async function locateOrInstall(): Promise<string> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (await isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} is not an executable. ${INSTALL_HELP}`);
  }
  if (await isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (process.getuid?.() !== 0 || !(await isExecutable('/usr/bin/apt-get'))) throw new Error(`Chromium not found at ${DEBIAN_CHROMIUM}. ${INSTALL_HELP}`);
  console.log('[chromium] installing Debian’s chromium package for the browser tests (once)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const options = { env, timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 };
  await execFileAsync('apt-get', ['update', '-qq'], options);
  await execFileAsync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], options);
  if (!(await isExecutable(DEBIAN_CHROMIUM))) throw new Error(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is missing. ${INSTALL_HELP}`);
  return DEBIAN_CHROMIUM;
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
