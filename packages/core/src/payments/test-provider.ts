import { createHash } from "node:crypto";
import { declineMessages, type AuthorizeRequest, type AuthorizeResult, type DeclineCode, type PaymentProvider } from "./provider";

/**
 * The built-in test provider: no network, deterministic outcomes by card number, like payment
 * processors' test cards. Listed on the checkout page so anyone can try each outcome.
 */
export const TEST_CARDS: { number: string; outcome: "success" | DeclineCode; label: string }[] = [
  { number: "4242424242424242", outcome: "success", label: "Succeeds" },
  { number: "4000000000000002", outcome: "card_declined", label: "Declined" },
  { number: "4000000000009995", outcome: "insufficient_funds", label: "Insufficient funds" },
  { number: "4000000000000069", outcome: "expired_card", label: "Expired card" },
  { number: "4000000000000127", outcome: "incorrect_cvc", label: "Incorrect CVC" },
  { number: "4000000000000119", outcome: "processing_error", label: "Processing error" },
];

function brandOf(number: string): string {
  if (number.startsWith("4")) return "visa";
  if (/^5[1-5]/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  return "card";
}

export function createTestPaymentProvider(): PaymentProvider {
  return {
    name: "test",
    async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
      if (request.method.type !== "test_card")
        return { ok: false, code: "processing_error", message: "This payment method is not available." };
      const number = request.method.number.replace(/\D/g, "");
      const card = TEST_CARDS.find((c) => c.number === number);
      const outcome = card?.outcome ?? "card_declined";
      if (outcome !== "success")
        return {
          ok: false,
          code: outcome,
          message: card ? declineMessages[outcome] : "Your card was declined. In this shop use a test card, e.g. 4242 4242 4242 4242.",
        };
      // Same key, same reference: a retried authorisation is the same payment.
      const ref = `test_pi_${createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 24)}`;
      return { ok: true, providerRef: ref, cardBrand: brandOf(number), cardLast4: number.slice(-4) };
    },
    async capture() {},
    async void() {},
    async refund() {},
  };
}
