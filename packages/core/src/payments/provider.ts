/**
 * Payments go through this interface: the built-in test provider (default) and Stripe implement it.
 * Authorise at placement, capture when the seller ships, void or refund on cancellation.
 */

/** What the shopper pays with, as the provider needs it. Card numbers never reach the database. */
export type PaymentMethodInput =
  | { type: "test_card"; number: string; expMonth: number; expYear: number; cvc: string }
  | { type: "stripe"; paymentMethodId: string };

export type DeclineCode = "card_declined" | "insufficient_funds" | "expired_card" | "incorrect_cvc" | "processing_error";

export interface AuthorizeRequest {
  amountMinor: number;
  currency: string;
  /** Stable per attempt: the provider must answer a repeat with the same result, never a second charge. */
  idempotencyKey: string;
  method: PaymentMethodInput;
  description: string;
  metadata: Record<string, string>;
}

export type AuthorizeResult =
  | { ok: true; providerRef: string; cardBrand: string | null; cardLast4: string | null }
  | { ok: false; code: DeclineCode; message: string };

export interface PaymentProvider {
  readonly name: string;
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(providerRef: string, amountMinor: number, idempotencyKey: string): Promise<void>;
  /** Releases an authorisation that was never captured. */
  void(providerRef: string, idempotencyKey: string): Promise<void>;
  refund(providerRef: string, amountMinor: number, idempotencyKey: string): Promise<void>;
}

/** A provider call that failed for a reason other than a decline (network, provider outage). */
export class PaymentProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PaymentProviderError";
  }
}

/** Messages shoppers read when their card is declined. */
export const declineMessages: Record<DeclineCode, string> = {
  card_declined: "Your card was declined. Try another card or contact your bank.",
  insufficient_funds: "Your card has insufficient funds. Try another card.",
  expired_card: "Your card has expired. Check the expiry date or use another card.",
  incorrect_cvc: "The security code (CVC) is incorrect.",
  processing_error: "Your card could not be processed. Please try again in a moment.",
};
