// Emulates Windows high-contrast mode (`forced-colors: active`) in Chromium: the stock
// emulate-media command of @web/test-runner-commands covers it for Playwright only.
export function forcedColorsPlugin() {
  // Emulation lasts as long as the protocol session that set it: one kept per page.
  const sessions = new Map();
  return {
    name: 'ir-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      // Puppeteer's own emulateMediaFeatures refuses this feature name; the protocol takes it.
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload ? 'active' : 'none' }] });
      return true;
    },
  };
}
