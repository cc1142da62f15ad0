export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** 0..1: fraction of the delay that is randomised, so many viewers do not reconnect in step. */
  jitter: number;
}

/**
 * Delay before reconnect attempt `attempt` (0-based): initialMs * factor^attempt, capped at
 * maxMs, with the top `jitter` fraction replaced by `random` (0..1). Pure: pass the random.
 */
export function backoffDelay(attempt: number, o: BackoffOptions, random: number): number {
  const base = Math.min(o.maxMs, o.initialMs * Math.pow(Math.max(1, o.factor), Math.max(0, attempt)));
  const j = Math.min(1, Math.max(0, o.jitter));
  const r = Math.min(1, Math.max(0, random));
  // min(): rounding must never push the delay past its cap.
  return Math.min(base, base * (1 - j) + base * j * r);
}
