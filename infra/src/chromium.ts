/**
 * The browser the web app's end-to-end tests drive: Debian's Chromium (playwright-core does not
 * download one, and this machine's network could not fetch Playwright's build anyway). Found at
 * CHROMIUM_PATH or /usr/bin/chromium; installed once with apt-get when missing and allowed (root,
 * apt-get present), the way the Temporal CLI is installed with `go install`.
 */
import { access, constants } from 'node:fs/promises';
import { ensureDebianPackages } from './debian-packages';

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
  try {
    await ensureDebianPackages([{ name: 'chromium', probe: DEBIAN_CHROMIUM }]);
  } catch (error) {
    throw new Error(`Chromium not found at ${DEBIAN_CHROMIUM}: ${(error as Error).message} ${INSTALL_HELP}`);
  }
  if (!(await isExecutable(DEBIAN_CHROMIUM))) throw new Error(`${DEBIAN_CHROMIUM} is not an executable. ${INSTALL_HELP}`);
  return DEBIAN_CHROMIUM;
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
