/**
 * Debian packages the tests and the app need on the machine (Chromium for the browser tests, fonts
 * and poppler for documents). Each is recognised by a file it installs; when that file is missing
 * and we may (root, apt-get present) the package is installed once per process, the way the
 * Temporal CLI is installed with `go install`. Otherwise the error names the command to run.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface DebianPackage {
  name: string;
  /** A file the package installs; with several, any one of them means it is there. */
  probe: string | readonly string[];
}

// One apt-get at a time in this process (dpkg holds a lock); other processes are waited for.
let aptQueue: Promise<void> = Promise.resolve();
let listsUpdated = false;
const installs = new Map<string, Promise<void>>();

/**
 * Makes sure every package is installed; returns, in the same order, the probe file found for each.
 * Callers asking for the same package at once share one installation.
 */
export async function ensureDebianPackages(packages: readonly DebianPackage[]): Promise<string[]> {
  const missing: DebianPackage[] = [];
  for (const pkg of packages) if ((await findProbe(pkg)) === null) missing.push(pkg);
  if (missing.length > 0) {
    const names = missing.map((pkg) => pkg.name);
    const help = `Cài bằng / install with: apt-get install -y --no-install-recommends ${names.join(' ')}`;
    if (process.getuid?.() !== 0 || !(await exists('/usr/bin/apt-get', constants.X_OK))) {
      throw new Error(`Thiếu gói Debian / missing Debian packages: ${names.join(', ')}. ${help}`);
    }
    const pending = missing.filter((pkg) => !installs.has(pkg.name));
    if (pending.length > 0) {
      const install = aptQueue.catch(() => undefined).then(() => aptInstall(pending.map((pkg) => pkg.name)));
      aptQueue = install;
      for (const pkg of pending) {
        installs.set(
          pkg.name,
          install.catch((error: unknown) => {
            installs.delete(pkg.name); // a later call may retry, e.g. once the network is back
            throw error;
          }),
        );
      }
    }
    await Promise.all(names.map((name) => installs.get(name)));
  }
  const found: string[] = [];
  for (const pkg of packages) {
    const probe = await findProbe(pkg);
    if (probe === null) throw new Error(`apt-get đã cài ${pkg.name} nhưng không thấy / installed ${pkg.name} but found none of ${probes(pkg).join(', ')}.`);
    found.push(probe);
  }
  return found;
}

async function aptInstall(names: readonly string[]): Promise<void> {
  console.log(`[debian] installing ${names.join(', ')} with apt-get (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const options = { env, timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 };
  // Another process (a parallel test run) may hold dpkg's lock: wait for it rather than fail.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  try {
    if (!listsUpdated) {
      await execFileAsync('apt-get', [...lock, 'update', '-qq'], options);
      listsUpdated = true;
    }
    await execFileAsync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...names], options);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`apt-get không cài được / could not install ${names.join(', ')}: ${stderr || (error as Error).message}`);
  }
}

async function findProbe(pkg: DebianPackage): Promise<string | null> {
  for (const path of probes(pkg)) if (await exists(path, constants.R_OK)) return path;
  return null;
}

const probes = (pkg: DebianPackage): readonly string[] => (typeof pkg.probe === 'string' ? [pkg.probe] : pkg.probe);

function exists(path: string, mode: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

/**
 * Liberation Serif 2.x (Times New Roman's metrics, with Vietnamese): Debian 12 ships it as
 * fonts-liberation2 in liberation2/; its fonts-liberation is 1.07, in liberation/, without the
 * Vietnamese letters (ạ, ơ, ư, ề…), so that folder does not count.
 */
const LIBERATION2_DIR = '/usr/share/fonts/truetype/liberation2';
const SERIF = 'LiberationSerif-Regular.ttf';

export interface DocumentTools {
  /** The folder of LiberationSerif-*.ttf, embedded in generated PDFs (PLANCYCLE_FONT_DIR). */
  fontDir: string;
  /** poppler-utils' pdftoppm, which turns a PDF page into a PNG (tests look at the pages). */
  pdftoppm: string;
}

/**
 * The fonts a PDF is drawn with and the tools that check it: fonts-liberation2 (or the folder named
 * by PLANCYCLE_FONT_DIR) and poppler-utils (pdftoppm, pdfinfo, pdftotext).
 */
export async function ensureDocumentTools(): Promise<DocumentTools> {
  const configured = process.env.PLANCYCLE_FONT_DIR;
  const fontProbes = [...(configured ? [configured] : []), LIBERATION2_DIR].map((dir) => join(dir, SERIF));
  const [font, pdftoppm] = await ensureDebianPackages([
    { name: 'fonts-liberation2', probe: fontProbes },
    { name: 'poppler-utils', probe: '/usr/bin/pdftoppm' },
  ]);
  return { fontDir: dirname(font), pdftoppm };
}
