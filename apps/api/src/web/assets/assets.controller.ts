import { Get, Inject, Injectable, Res } from '@nestjs/common';
import type { Response } from 'express';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Anonymous, WebController } from '../session/web-context';

interface Asset {
  body: string;
  etag: string;
}

const CLIENT_ENTRY = join(__dirname, '../client/main.ts');
const CLIENT_TSCONFIG = join(__dirname, '../client/tsconfig.json');
/** app.css first, then each area's own stylesheet (dashboard.css, …), served as one file. */
const STYLES_DIR = __dirname;

/**
 * The page script, bundled from TypeScript once per process by esbuild (a dependency installed with
 * the app, so nothing is fetched at run time), and the stylesheet. Bundling at start keeps one source
 * for the rules the pages share with the server, such as the total in words.
 */
@Injectable()
export class WebAssets {
  private script?: Promise<Asset>;
  private styles?: Promise<Asset>;

  scriptAsset(): Promise<Asset> {
    return (this.script ??= build({
      entryPoints: [CLIENT_ENTRY],
      tsconfig: CLIENT_TSCONFIG,
      bundle: true,
      write: false,
      minify: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'none',
      charset: 'utf8',
    }).then((result) => asset(result.outputFiles[0].text)));
  }

  stylesAsset(): Promise<Asset> {
    return (this.styles ??= (async () => {
      const files = (await readdir(STYLES_DIR)).filter((name) => name.endsWith('.css')).sort((a, b) => (a === 'app.css' ? -1 : b === 'app.css' ? 1 : a.localeCompare(b)));
      return asset((await Promise.all(files.map((name) => readFile(join(STYLES_DIR, name), 'utf8')))).join('\n'));
    })());
  }
}

function asset(body: string): Asset {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

@WebController('assets')
@Anonymous()
export class AssetsController {
  constructor(@Inject(WebAssets) private readonly assets: WebAssets) {}

  @Get('app.js')
  async script(@Res() response: Response): Promise<void> {
    send(response, 'application/javascript; charset=utf-8', await this.assets.scriptAsset());
  }

  @Get('app.css')
  async styles(@Res() response: Response): Promise<void> {
    send(response, 'text/css; charset=utf-8', await this.assets.stylesAsset());
  }
}

function send(response: Response, type: string, asset: Asset): void {
  // Revalidated on each page load (cheap: 304), so a new version is picked up without renaming files.
  response.set({ 'content-type': type, etag: asset.etag, 'cache-control': 'no-cache' });
  if (response.req.headers['if-none-match'] === asset.etag) response.status(304).end();
  else response.send(asset.body);
}
