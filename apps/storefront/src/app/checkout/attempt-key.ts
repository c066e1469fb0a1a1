/**
 * The idempotency key of one checkout attempt. It is made once and kept in sessionStorage, so a double
 * click, a retry after a lost answer or a reload sends the same key and can never place a second order.
 * A new key is made only when the cart's lines changed (a different purchase) or after a decline (the
 * server remembers a declined key and would answer every retry with the same decline).
 */

const STORAGE_KEY = "agora:checkout-attempt";

interface StoredAttempt {
  key: string;
  cart: string;
}

/** What the shopper is buying: the same lines mean the same attempt. */
export function cartSignature(lines: { variantId: string; quantity: number }[]): string {
  return lines
    .map((l) => `${l.variantId}:${l.quantity}`)
    .sort()
    .join(",");
}

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID exists only in secure contexts; the same 122 bits of randomness otherwise.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function read(): StoredAttempt | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredAttempt>;
    return typeof parsed.key === "string" && typeof parsed.cart === "string" ? { key: parsed.key, cart: parsed.cart } : null;
  } catch {
    return null;
  }
}

let memory: StoredAttempt | null = null;

/** The key for buying `cart` now: the stored one while the cart is the same, else a new one. */
export function attemptKeyFor(cart: string): string {
  const stored = read() ?? memory;
  if (stored && stored.cart === cart) return stored.key;
  const attempt = { key: newKey(), cart };
  memory = attempt;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(attempt));
  } catch {
    // Private modes may refuse storage: the key in memory still covers double clicks and retries.
  }
  return attempt.key;
}

/** After a decline or a placed order: the next attempt gets a new key. */
export function endAttempt(): void {
  memory = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
