// The package as `npm pack` publishes it from a clean tree (no dist/: its `prepack` builds one
// afresh), and its tarball installed into an empty project as a user installs it. Used by
// scripts/check-package.mjs (the committed tree) and test/package/tarball.test.mjs (the working
// tree, uncommitted changes included).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Packs this repository from a copy in `work`: its committed files (a clone), or the files of the
 * working tree that git does not ignore. The copy builds with this checkout's node_modules.
 * Returns `npm pack --json`'s entry for the tarball, with its path.
 */
export function packClean(work, { committed }) {
  const copy = join(work, 'source');
  if (committed) sh('git', ['clone', '--quiet', '--no-hardlinks', resolve('.'), copy]);
  else
    for (const f of sh('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z']).split('\0')) {
      if (!f || !existsSync(f)) continue; // deleted in the working tree
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      copyFileSync(f, join(copy, f));
    }
  symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
  const [pack] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', work], copy).replace(/^[^[]*/s, ''));
  return { ...pack, path: join(work, pack.filename) };
}

/** Installs a tarball and its dependencies (from npm's cache when it has them) into a new empty project `app`. */
export function installTarball(tarball, app) {
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
}
