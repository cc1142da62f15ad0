// Emulates Windows high-contrast mode (`forced-colors: active`) in Chromium: the stock
// emulate-media command of @web/test-runner-commands covers it for Playwright only.
import { cdpSession } from './cdp-session.mjs';

export function forcedColorsPlugin() {
  return {
    name: 'ir-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      // Puppeteer's own emulateMediaFeatures refuses this feature name; the protocol takes it.
      const cdp = await cdpSession(session);
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload ? 'active' : 'none' }] });
      return true;
    },
  };
}
