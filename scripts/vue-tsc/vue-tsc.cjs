// vue-tsc on TypeScript 6: vue-tsc needs TypeScript's JavaScript compiler API, which TypeScript 7
// (native, the repository's) no longer ships. This folder is a package of its own (a `file:`
// devDependency) so that TypeScript 6 installs in its node_modules, where its `tsc` cannot take
// the place of TypeScript 7's in node_modules/.bin as a second top-level copy would. vue-tsc's
// bin would resolve the top-level `typescript`, so its tsc is given. Arguments as for tsc.
require('vue-tsc').run(require.resolve('typescript/lib/tsc'));
