// A React root in a fresh host for each test of the suite that calls it, unmounted after.
import type { Root } from 'react-dom/client';
import { ReactDOMClient } from './react-esm.js';

export function reactRootPerTest(): { readonly host: HTMLElement; readonly root: Root } {
  const current = {} as { host: HTMLElement; root: Root };
  beforeEach(() => {
    current.host = document.createElement('div');
    document.body.append(current.host);
    current.root = ReactDOMClient.createRoot(current.host);
  });
  afterEach(() => {
    current.root.unmount();
    current.host.remove();
  });
  return current;
}
