export interface BackoffOptions {
  minMs?: number;
  maxMs?: number;
  /** 0..1: how far each delay may stray either way, so many clients do not retry in step. */
  jitter?: number;
}

/** The wait before retry number `attempt` (1-based): doubling from minMs, randomised, capped at maxMs. */
export function backoffDelay(attempt: number, { minMs = 1000, maxMs = 10_000, jitter = 0.5 }: BackoffOptions = {}, random = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  const spread = base * jitter * (random() * 2 - 1);
  return Math.round(Math.min(maxMs, Math.max(0, base + spread)));
}
