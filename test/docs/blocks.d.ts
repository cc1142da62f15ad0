// Types of blocks.js (plain JavaScript: Node's docs test imports it too).
export interface CodeBlock {
  lang: string;
  line: number;
  code: string;
}
export function codeBlocks(markdown: string): CodeBlock[];
export function inlineModules(html: string): string[];
