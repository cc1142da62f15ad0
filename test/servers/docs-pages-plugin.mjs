// The panel pages of docs/ as a stranger copies them into a site that has the package loaded:
// `/docs-page/<page>/` is a page holding the built package and the html block of
// docs/<page>.md as written, and the module script that block names is the page's js block,
// its `ir-monitor` and `rxjs` imports pointed at the built package and its one-file RxJS.
// Sent under the strict policy of the no-bundler pages, so the docs' code is shown to run
// under it.
import { readFile } from 'node:fs/promises';
import { codeBlocks } from '../docs/blocks.js';
import { policy } from './plain-static.mjs';

const PATH = /^\/docs-page\/(panel-[a-z]+)\/([\w-]+\.js)?$/;

export function docsPagesPlugin() {
  return {
    name: 'ir-docs-pages',
    async serve({ path }) {
      const [, page, script] = PATH.exec(path) ?? [];
      if (!page) return undefined;
      const blocks = codeBlocks(await readFile(`docs/${page}.md`, 'utf8').catch(() => ''));
      const html = blocks.find((b) => b.lang === 'html')?.code;
      const js = blocks.filter((b) => b.lang === 'js');
      if (!html || js.length !== 1) throw new Error(`docs/${page}.md: one html block and one js block expected`);
      if (!script) {
        const head = `<meta charset="utf-8"><title>docs/${page}.md</title><script type="module" src="/dist/index.js"></script>`;
        const body = `<!doctype html>\n<html lang="en">\n<head>${head}</head>\n<body>\n${html}\n</body>\n</html>\n`;
        return { body, type: 'html', headers: { 'Content-Security-Policy': policy(body) } };
      }
      if (!html.includes(`src="${script}"`)) return undefined;
      const body = js[0].code.replaceAll("from 'ir-monitor'", "from '/dist/index.js'").replaceAll("from 'rxjs'", "from '/dist/vendor/rxjs.js'");
      return { body, type: 'js' };
    },
  };
}
