// `react` for modules that import it by name (@lit/react, src/react.ts): the one bundled
// copy of test/react/react-esm.js, so hooks and react-dom share it.
import { React } from './react-esm.js';

export default React;
export const { Children, Component, Fragment, StrictMode, createElement, forwardRef, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, version } = React;
