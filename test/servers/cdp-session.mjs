// One DevTools protocol session per test page, for the server commands that need the
// protocol: media emulation lasts as long as the session that set it, so it is kept.
const sessions = new WeakMap();

/** The protocol session of the page running a test (`session` of a plugin's executeCommand). */
export function cdpSession(session) {
  const page = session.browser.getPage(session.id);
  if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
  return sessions.get(page);
}
