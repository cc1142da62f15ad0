/** What went wrong, in words: an Error's message, or whatever else was thrown, as text. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
