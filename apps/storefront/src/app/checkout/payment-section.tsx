"use client";

import { TextField } from "@agora/ui/field";
import { useLayoutEffect, useRef, type ChangeEvent } from "react";
import { StepHeading } from "./address-section";
import { caretAfterDigits, digitsBefore, formatCardNumber, formatExpiry } from "./card-format";
import { fieldIds, type CardDraft, type FieldErrors, type TestCard } from "./types";

/** Step 3: the card. Nothing typed here is stored; only the payment provider sees the number. */
export function PaymentSection({
  card,
  onCardChange,
  errors,
  declined,
  testCards,
  disabled,
}: {
  card: CardDraft;
  onCardChange: (field: keyof CardDraft, value: string) => void;
  errors: FieldErrors;
  /** Why the last payment was declined, shown next to the card fields. */
  declined: string | null;
  testCards: TestCard[] | null;
  disabled: boolean;
}) {
  // Reformatting moves the spaces: keep the caret after the digit it was after.
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const input = document.getElementById(fieldIds.cardNumber);
    if (caret.current !== null && input instanceof HTMLInputElement && document.activeElement === input) {
      input.setSelectionRange(caret.current, caret.current);
    }
    caret.current = null;
  }, [card.number]);

  function changeNumber(event: ChangeEvent<HTMLInputElement>) {
    const { value, selectionStart } = event.target;
    const formatted = formatCardNumber(value);
    caret.current = caretAfterDigits(formatted, digitsBefore(value, selectionStart ?? value.length));
    onCardChange("number", formatted);
  }

  function changeExpiry(event: ChangeEvent<HTMLInputElement>) {
    const native = event.nativeEvent as InputEvent;
    const deleting = typeof native.inputType === "string" && native.inputType.startsWith("delete");
    onCardChange("expiry", formatExpiry(event.target.value, deleting));
  }

  const numberError = errors["payment.number"];
  const expiryError = errors["payment.expMonth"] ?? errors["payment.expYear"];
  const cvcError = errors["payment.cvc"];

  return (
    <section aria-labelledby="checkout-payment-heading" className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5">
      <StepHeading id="checkout-payment-heading" step={3}>
        Payment
      </StepHeading>

      {testCards && (
        <TestCardNote cards={testCards} disabled={disabled} onUse={(n) => onCardChange("number", formatCardNumber(n))} />
      )}

      {declined && (
        <div
          role="alert"
          id="checkout-payment-declined"
          className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          <p className="font-semibold">Payment declined</p>
          <p className="mt-0.5">{declined}</p>
        </div>
      )}

      <fieldset disabled={disabled} className="mt-4 space-y-4">
        <legend className="sr-only">Card details</legend>
        <TextField
          id={fieldIds.cardNumber}
          label="Card number"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 1234 1234 1234"
          value={card.number}
          onChange={changeNumber}
          error={numberError}
          aria-describedby={
            [numberError ? `${fieldIds.cardNumber}-error` : null, declined ? "checkout-payment-declined" : null]
              .filter(Boolean)
              .join(" ") || undefined
          }
          aria-invalid={numberError || declined ? true : undefined}
          className={declined && !numberError ? "border-red-500!" : undefined}
          maxLength={23}
          spellCheck={false}
          required
        />
        <div className="grid grid-cols-2 gap-4">
          <TextField
            id={fieldIds.expiry}
            label="Expiry date"
            hint="MM/YY"
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM/YY"
            value={card.expiry}
            onChange={changeExpiry}
            error={expiryError}
            maxLength={7}
            required
          />
          <TextField
            id={fieldIds.cvc}
            label="Security code"
            hint="3 or 4 digits, on the back"
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="CVC"
            value={card.cvc}
            onChange={(e) => onCardChange("cvc", e.target.value.replace(/\D/g, "").slice(0, 4))}
            error={cvcError}
            maxLength={4}
            required
          />
        </div>
      </fieldset>
    </section>
  );
}

function TestCardNote({ cards, disabled, onUse }: { cards: TestCard[]; disabled: boolean; onUse: (number: string) => void }) {
  return (
    <div className="mt-4 rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
      <p className="font-semibold">Test payments only</p>
      <p className="mt-0.5 text-sky-900">
        This shop takes test payments: no real card is charged. Use one of these numbers with any future expiry date and any
        3-digit security code.
      </p>
      <ul role="list" className="mt-2 divide-y divide-sky-100">
        {cards.map((c) => (
          <li key={c.number} className="flex items-center justify-between gap-3 py-1.5">
            <span className="min-w-0">
              <span className="font-mono text-[13px] tracking-wide text-ink tabular-nums">{formatCardNumber(c.number)}</span>
              <span className="block text-sky-900 sm:ml-2 sm:inline">{c.label}</span>
            </span>
            <button
              type="button"
              onClick={() => onUse(c.number)}
              disabled={disabled}
              className="min-h-9 shrink-0 rounded-md px-2 text-sm font-medium text-sky-900 underline underline-offset-2 hover:text-ink disabled:cursor-not-allowed disabled:opacity-60"
            >
              Use
              <span className="sr-only">
                {" "}
                card {formatCardNumber(c.number)} ({c.label})
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
