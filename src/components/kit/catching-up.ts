/** What a panel or banner says while its room replays what the page missed, in its language. */
export const CATCHING_UP = { en: 'Catching up…', fr: 'Rattrapage…' } as const;
