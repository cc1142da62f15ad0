// `record-figures`: a test hands the runner figures worth reporting (a soak's heap growth,
// its longest frame, the faults it survived), written to `.reliability/<name>.json`
// (gitignored) for `npm run reliability` to gather into docs/reliability.md.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export const FIGURES_DIR = resolve('.reliability');

export function figuresPlugin() {
  return {
    name: 'ir-figures',
    async executeCommand({ command, payload }) {
      if (command !== 'record-figures') return undefined;
      const { name, figures } = payload;
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`record-figures: a file name of letters, digits and dashes, not ${name}`);
      await mkdir(FIGURES_DIR, { recursive: true });
      const file = resolve(FIGURES_DIR, `${name}.json`);
      // Several tests of one file add to the same record.
      const before = await readFile(file, 'utf8').then(JSON.parse, () => ({}));
      await writeFile(file, `${JSON.stringify({ ...before, ...figures }, null, 2)}\n`);
      return true;
    },
  };
}
