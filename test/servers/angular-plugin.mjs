// Angular as an Angular project ships it: built ahead of time, so the test page evaluates no
// code and runs under the policy every other test page has (no 'unsafe-eval').
// - test/frameworks/angular/app.ts is served compiled by Angular's compiler (ngtsc).
// - Angular's own packages ship partially compiled (`ɵɵngDeclare…`): Angular's linker finishes
//   them as they are served, as the Angular CLI's build does.
// Both come from @angular/compiler-cli, which needs a TypeScript below 6.1 (the project builds
// with 7): it is installed with TypeScript 6 of its own, in scripts/angular-aot.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `require` as scripts/angular-aot sees it: its compiler-cli, on its TypeScript 6. */
const tools = createRequire(resolve('scripts/angular-aot/package.json'));
const APP = '/test/frameworks/angular/app.ts';
const PACKAGES = /^\/node_modules\/@angular\/[^/]+\/fesm\d+\/[^/]+\.mjs$/;

const manifest = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/**
 * The compiler's version is the runtime's: code compiled or linked for another Angular fails in
 * ways that do not name the cause, so a mismatch (one side updated alone) is said plainly.
 */
function sameAngular(cli) {
  const runtime = manifest(resolve('node_modules/@angular/core')).version;
  const compiler = manifest(cli).version;
  if (runtime !== compiler) throw new Error(`@angular/core is ${runtime} but scripts/angular-aot compiles with @angular/compiler-cli ${compiler}: give both the same version`);
}

/** The application compiled by ngtsc, as the JavaScript a build would ship. */
function compileApp() {
  const cli = dirname(tools.resolve('@angular/compiler-cli/package.json'));
  sameAngular(cli);
  const ngc = join(cli, manifest(cli).bin.ngc);
  const out = mkdtempSync(join(tmpdir(), 'ir-angular-'));
  try {
    const r = spawnSync(process.execPath, [ngc, '-p', 'test/frameworks/angular/tsconfig.json', '--outDir', out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ngc failed on ${APP}:\n${r.stdout}${r.stderr}`);
    return readFileSync(join(out, 'app.js'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function angularPlugin() {
  let app;
  let link;
  const linked = new Map();

  /** Babel with Angular's linker, loaded once. */
  const linker = async () => {
    if (link) return link;
    const babel = tools('@babel/core');
    const plugin = (await import(pathToFileURL(tools.resolve('@angular/compiler-cli/linker/babel')).href)).default;
    return (link = (code, filename) =>
      babel.transformAsync(code, { filename, plugins: [plugin], babelrc: false, configFile: false, compact: false, sourceMaps: false }).then((r) => r.code));
  };

  return {
    name: 'ir-angular-aot',
    serve({ path }) {
      if (path !== APP) return undefined;
      app ??= compileApp();
      return { body: app, type: 'js' };
    },
    async transform({ path, body }) {
      if (!PACKAGES.test(path) || typeof body !== 'string' || !body.includes('ɵɵngDeclare')) return undefined;
      if (!linked.has(path)) linked.set(path, linker().then((l) => l(body, path.slice(1))));
      return { body: await linked.get(path) };
    },
  };
}
