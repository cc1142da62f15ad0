// The fenced code blocks of a Markdown text, with their language and first line: shared by
// the docs tests in Node (type-check, markup, wire lines) and in the browser (running them).

/** @returns {{ lang: string, line: number, code: string }[]} */
export function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    while (++i < lines.length && !/^```\s*$/.test(lines[i]));
    blocks.push({ lang: open[1], line: start + 1, code: lines.slice(start, i).join('\n') });
  }
  return blocks;
}

/** The module scripts written inline in an HTML block (a page with no bundler may have them). */
export const inlineModules = (html) => [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
