"use client";

import type { AppRouter } from "@agora/api";
import { useTRPC } from "@agora/api/react";
import { formatMoney } from "@agora/core/money";
import { Button } from "@agora/ui/button";
import { placeOrderSchema, type PlaceOrderInput } from "@agora/validators";
import { useIsMutating, useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent, type MouseEvent, type Ref } from "react";
import { AddressSection, NEW_ADDRESS } from "./address-section";
import { attemptKeyFor, cartSignature, endAttempt } from "./attempt-key";
import { cardDigits, parseExpiry } from "./card-format";
import { DeliverySection } from "./delivery-section";
import { PaymentSection } from "./payment-section";
import {
  fieldIds,
  type AddressDraft,
  type CardDraft,
  type Cart,
  type CountryOption,
  type FieldErrors,
  type SavedAddressOption,
  type TestCard,
} from "./types";

/** What the banner at the top of the form says after a refused attempt. */
type Notice =
  | { kind: "declined"; message: string }
  | { kind: "stock"; message: string; items: { title: string; detail: string }[] }
  | { kind: "changed"; message: string; previousTotalMinor: number }
  | { kind: "invalid"; message: string; fields: { id: string; message: string }[] }
  | { kind: "signed-out"; message: string }
  | { kind: "error"; message: string };

/** Where each field error is shown, for the links in the error summary. */
const errorTargets: Record<string, string> = {
  savedAddressId: fieldIds.savedAddress,
  "address.name": fieldIds.name,
  "address.line1": fieldIds.line1,
  "address.line2": fieldIds.line2,
  "address.city": fieldIds.city,
  "address.region": fieldIds.region,
  "address.postalCode": fieldIds.postalCode,
  "address.country": fieldIds.country,
  "address.phone": fieldIds.phone,
  "payment.number": fieldIds.cardNumber,
  "payment.expMonth": fieldIds.expiry,
  "payment.expYear": fieldIds.expiry,
  "payment.cvc": fieldIds.cvc,
};

function firstErrorPerField(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** The summary's links, in the order the fields appear on the page. */
function summaryFields(errors: FieldErrors): { id: string; message: string }[] {
  const order = Object.values(fieldIds) as string[];
  const seen = new Set<string>();
  return Object.entries(errors)
    .flatMap(([key, message]) => {
      const id = errorTargets[key];
      if (!id || seen.has(id)) return [];
      seen.add(id);
      return [{ id, message }];
    })
    .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/**
 * The checkout: address, delivery per seller, payment, and the summary with "Place order". Prices and
 * totals are the server's (the cart view); the total shown is sent along, so a price that changed in the
 * meantime is refused rather than charged.
 */
export function CheckoutForm({
  initialCart,
  addresses,
  countries,
  testCards,
  viewer,
}: {
  initialCart: Cart;
  addresses: SavedAddressOption[];
  countries: CountryOption[];
  testCards: TestCard[] | null;
  viewer: { name: string; email: string };
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();

  const [cart, setCart] = useState(initialCart);
  const defaultAddress = addresses.find((a) => a.isDefault) ?? addresses[0];
  const [addressChoice, setAddressChoice] = useState(defaultAddress?.id ?? NEW_ADDRESS);
  const [draft, setDraft] = useState<AddressDraft>({
    name: viewer.name,
    line1: "",
    line2: "",
    city: "",
    region: "",
    postalCode: "",
    country: defaultAddress?.country ?? "US",
    phone: "",
  });
  const [saveAddress, setSaveAddress] = useState(true);
  const [card, setCard] = useState<CardDraft>({ number: "", expiry: "", cvc: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [placed, setPlaced] = useState(false);

  // After a refused attempt, focus goes to the banner (server answers) or the first wrong field (typing).
  const noticeRef = useRef<HTMLDivElement>(null);
  const [focusRequest, setFocusRequest] = useState<{ to: "notice" | "field"; n: number } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.to === "notice") noticeRef.current?.focus();
    else document.querySelector<HTMLElement>("#checkout-form [aria-invalid='true']")?.focus();
  }, [focusRequest]);
  const focus = (to: "notice" | "field") => setFocusRequest((prev) => ({ to, n: (prev?.n ?? 0) + 1 }));

  const choosingDelivery = useIsMutating({ mutationKey: trpc.cart.chooseDelivery.mutationKey() }) > 0;
  const place = useMutation(trpc.orders.place.mutationOptions());
  const busy = place.isPending || placed;

  const needsAddress = cart.groups.some((g) => g.chosenDelivery?.kind === "shipping");
  const undeliverable = cart.groups.filter((g) => g.chosenDelivery === null);
  const blockedReason =
    cart.groups.length === 0
      ? "Your cart is empty."
      : cart.problemCount > 0
        ? `${cart.problemCount === 1 ? "One item needs" : `${cart.problemCount} items need`} your attention in your cart before you can place the order.`
        : undeliverable.length > 0
          ? `${undeliverable.map((g) => g.seller.name).join(" and ")} cannot deliver ${undeliverable.length === 1 ? "its items" : "their items"}. Remove them from your cart to continue.`
          : null;

  const reloadCart = useCallback(async () => {
    try {
      const view = await queryClient.fetchQuery({ ...trpc.cart.get.queryOptions(), staleTime: 0 });
      setCart(view);
      queryClient.setQueryData(trpc.cart.count.queryKey(), { itemCount: view.itemCount });
    } catch {
      // What is on screen stays; the server checks everything again when the order is placed.
    }
  }, [queryClient, trpc]);

  const clearError = (...keys: string[]) =>
    setErrors((prev) => {
      if (!keys.some((k) => k in prev)) return prev;
      const next = { ...prev };
      for (const k of keys) delete next[k];
      return next;
    });

  function onCartChange(view: Cart, message: string, sellerId: string) {
    setCart(view);
    setAnnouncement(message);
    clearError(`delivery.${sellerId}`, "address");
    queryClient.setQueryData(trpc.cart.count.queryKey(), { itemCount: view.itemCount });
  }

  function buildInput(): { input: PlaceOrderInput; errors: FieldErrors } | { input: null; errors: FieldErrors } {
    const expiry = parseExpiry(card.expiry);
    const address =
      addressChoice === NEW_ADDRESS
        ? {
            address: {
              name: draft.name,
              line1: draft.line1,
              line2: draft.line2,
              city: draft.city,
              region: draft.region,
              postalCode: draft.postalCode,
              country: draft.country,
              phone: draft.phone,
            },
            saveAddress,
          }
        : { savedAddressId: addressChoice };
    const candidate = {
      idempotencyKey: attemptKeyFor(cartSignature(cart.groups.flatMap((g) => g.lines))),
      ...(needsAddress ? address : {}),
      payment: {
        type: "test_card" as const,
        number: cardDigits(card.number),
        expMonth: expiry?.month ?? Number.NaN,
        expYear: expiry?.year ?? Number.NaN,
        cvc: card.cvc,
      },
      expectedTotalMinor: cart.totalMinor,
    };
    // The same schema as the server: mistakes are shown at once, without a round trip.
    const parsed = placeOrderSchema.safeParse(candidate);
    const found = parsed.success ? {} : firstErrorPerField(parsed.error.issues);
    if (!card.expiry.trim()) found["payment.expMonth"] = "Enter the expiry date";
    else if (!expiry) found["payment.expMonth"] = "Enter the expiry date as MM/YY, e.g. 04/29";
    if (!card.number.trim()) found["payment.number"] = "Enter the card number";
    if (!card.cvc) found["payment.cvc"] = "Enter the security code";
    if (found["payment.expYear"]) found["payment.expMonth"] ??= found["payment.expYear"];
    delete found["payment.expYear"];
    if (!parsed.success && !Object.keys(found).length) found._form = "Some of the details are not valid.";
    if (!parsed.success || Object.keys(found).length) return { input: null, errors: found };
    return { input: parsed.data, errors: {} };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || choosingDelivery || blockedReason) return;
    const built = buildInput();
    if (!built.input) {
      setErrors(built.errors);
      const fields = summaryFields(built.errors);
      setNotice({
        kind: "invalid",
        message:
          fields.length === 1 ? "Check this detail before placing your order:" : "Check these details before placing your order:",
        fields,
      });
      focus("field");
      return;
    }
    setErrors({});
    setNotice(null);
    setAnnouncement("Placing your order…");
    place.mutate(built.input, {
      onSuccess: (result) => {
        endAttempt();
        setPlaced(true);
        setAnnouncement("Your order is placed. Opening the confirmation…");
        void queryClient.invalidateQueries(trpc.cart.pathFilter());
        router.push(`/checkout/complete/${result.groupId}`);
      },
      onError: (error) => void refused(error, built.input.expectedTotalMinor ?? cart.totalMinor),
    });
  }

  async function refused(error: unknown, sentTotalMinor: number) {
    setAnnouncement("");
    if (!(error instanceof TRPCClientError) || !error.data) {
      // The answer was lost (connection dropped): retrying sends the same key, so it can never charge twice.
      setNotice({
        kind: "error",
        message:
          "We could not reach the shop to confirm your order. Check your connection and place the order again: you will not be charged twice.",
      });
      focus("notice");
      return;
    }
    const e = error as TRPCClientError<AppRouter>;
    const fieldErrors = (e.data?.fieldErrors ?? {}) as FieldErrors;
    const domainCode = e.data?.domainCode ?? null;
    const message = e.message;

    if (domainCode === "PAYMENT_DECLINED") {
      // The server remembers a declined key; trying again (with another card) is a new attempt.
      endAttempt();
      setCard((c) => ({ ...c, cvc: "" }));
      setErrors({ payment: fieldErrors.payment ?? message });
      setNotice({ kind: "declined", message });
    } else if (domainCode === "OUT_OF_STOCK") {
      const lines = cart.groups.flatMap((g) => g.lines);
      const items = Object.entries(fieldErrors).flatMap(([key, detail]) => {
        if (!key.startsWith("lines.")) return [];
        const line = lines.find((l) => l.variantId === key.slice("lines.".length));
        return [{ title: line ? `${line.title}${line.variantLabel ? ` (${line.variantLabel})` : ""}` : "An item", detail }];
      });
      setErrors(fieldErrors);
      setNotice({ kind: "stock", message, items });
      await reloadCart();
    } else if (domainCode === "CONFLICT" && fieldErrors.expectedTotalMinor) {
      setNotice({ kind: "changed", message, previousTotalMinor: sentTotalMinor });
      await reloadCart();
    } else if (e.data?.code === "UNAUTHORIZED") {
      setNotice({ kind: "signed-out", message: "You were signed out. Sign in again to place your order; your cart is kept." });
    } else if (domainCode === "INVALID_INPUT") {
      setErrors(fieldErrors);
      const fields = summaryFields(fieldErrors);
      const other = Object.entries(fieldErrors).filter(([key]) => !errorTargets[key]);
      setNotice({
        kind: "invalid",
        message: fields.length && !other.length ? "Check these details before placing your order:" : message,
        fields,
      });
      // A delivery option that went away, or a cart emptied elsewhere: show the cart as it is now.
      if (other.length || !fields.length) await reloadCart();
    } else {
      setNotice({ kind: "error", message });
    }
    focus("notice");
  }

  const placeDisabled = busy || choosingDelivery || blockedReason !== null;

  return (
    <form id="checkout-form" noValidate onSubmit={submit} className="mt-6">
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>

      {notice && <NoticeBanner ref={noticeRef} notice={notice} cart={cart} />}
      {!notice && blockedReason && (
        <div className="mb-5 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>{blockedReason}</p>
          <Link href="/cart" className="mt-1 inline-block font-semibold underline underline-offset-2">
            Review your cart
          </Link>
        </div>
      )}

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start lg:gap-8">
        <div className="space-y-5">
          <AddressSection
            needed={needsAddress}
            addresses={addresses}
            countries={countries}
            choice={addressChoice}
            onChoose={(c) => {
              setAddressChoice(c);
              clearError("address", "savedAddressId");
            }}
            draft={draft}
            onDraftChange={(field, value) => {
              setDraft((d) => ({ ...d, [field]: value }));
              clearError(`address.${field}`, "address");
              // Where a seller ships depends on the country.
              if (field === "country")
                setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !k.startsWith("delivery."))));
            }}
            save={saveAddress}
            onSaveChange={setSaveAddress}
            errors={errors}
            disabled={busy}
          />
          <DeliverySection cart={cart} errors={errors} disabled={busy} onCartChange={onCartChange} reloadCart={reloadCart} />
          <PaymentSection
            card={card}
            onCardChange={(field, value) => {
              setCard((c) => ({ ...c, [field]: value }));
              clearError(...(field === "expiry" ? ["payment.expMonth", "payment.expYear"] : [`payment.${field}`]));
            }}
            errors={errors}
            declined={notice?.kind === "declined" ? notice.message : null}
            testCards={testCards}
            disabled={busy}
          />
        </div>

        <OrderSummary
          cart={cart}
          email={viewer.email}
          placing={busy}
          disabled={placeDisabled}
          updating={choosingDelivery}
          blockedReason={blockedReason}
        />
      </div>
    </form>
  );
}

function OrderSummary({
  cart,
  email,
  placing,
  disabled,
  updating,
  blockedReason,
}: {
  cart: Cart;
  email: string;
  placing: boolean;
  disabled: boolean;
  updating: boolean;
  blockedReason: string | null;
}) {
  const money = (minor: number) => formatMoney(minor, cart.currency);
  return (
    <aside
      aria-labelledby="checkout-summary-heading"
      className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-5 lg:sticky lg:top-24"
    >
      <h2 id="checkout-summary-heading" className="text-lg font-semibold text-ink">
        Order summary
      </h2>
      <div aria-busy={updating || undefined} className={updating ? "opacity-60 transition-opacity" : undefined}>
        <ul role="list" className="mt-3 space-y-3 text-sm">
          {cart.groups.map((g) => (
            <li key={g.seller.id} className="rounded-lg bg-stone-50 px-3 py-2.5">
              <p className="font-medium text-ink">{g.seller.name}</p>
              {!g.lines.some((l) => l.counted) ? (
                <p className="mt-1 text-amber-900">Nothing available to order</p>
              ) : (
                <dl className="mt-1 space-y-0.5">
                  <div className="flex justify-between gap-4">
                    <dt className="text-stone-600">Items</dt>
                    <dd className="tabular-nums">{money(g.subtotalMinor)}</dd>
                  </div>
                  <div className="flex justify-between gap-4">
                    <dt className="text-stone-600">
                      {g.chosenDelivery ? (g.chosenDelivery.kind === "pickup" ? "Pickup" : g.chosenDelivery.name) : "Delivery"}
                    </dt>
                    <dd className="tabular-nums">
                      {g.chosenDelivery ? (g.shippingMinor === 0 ? "Free" : money(g.shippingMinor)) : "—"}
                    </dd>
                  </div>
                </dl>
              )}
            </li>
          ))}
        </ul>
        <dl className="mt-4 space-y-1 border-t border-stone-100 pt-3 text-sm">
          <div className="flex justify-between gap-4">
            <dt className="text-stone-600">Items ({cart.itemCount})</dt>
            <dd className="tabular-nums">{money(cart.subtotalMinor)}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt className="text-stone-600">Delivery</dt>
            <dd className="tabular-nums">{cart.shippingMinor === 0 ? "Free" : money(cart.shippingMinor)}</dd>
          </div>
          <div className="flex justify-between gap-4 pt-1.5 text-base font-semibold text-ink">
            <dt>Order total</dt>
            <dd className="tabular-nums" aria-live="polite">
              {money(cart.totalMinor)}
            </dd>
          </div>
        </dl>
      </div>
      <Button
        type="submit"
        form="checkout-form"
        className="mt-4 w-full text-base"
        loading={placing}
        disabled={disabled}
        aria-describedby={blockedReason ? "checkout-blocked-reason" : undefined}
      >
        {placing ? "Placing order…" : `Place order · ${money(cart.totalMinor)}`}
      </Button>
      {blockedReason && (
        <p id="checkout-blocked-reason" className="mt-2 text-sm text-amber-900">
          {blockedReason}
        </p>
      )}
      <p className="mt-3 text-xs text-muted">
        {cart.groups.length > 1 ? `You get one order from each of the ${cart.groups.length} shops. ` : ""}
        The confirmation goes to {email}.
      </p>
    </aside>
  );
}

function NoticeBanner({ notice, cart, ref }: { notice: Notice; cart: Cart; ref: Ref<HTMLDivElement> }) {
  const money = (minor: number) => formatMoney(minor, cart.currency);
  const title = {
    declined: "Your payment was declined",
    stock: "Some items are no longer available",
    changed: "Your total changed",
    invalid: "Some details need your attention",
    "signed-out": "Please sign in again",
    error: "Your order was not placed",
  }[notice.kind];
  return (
    <div
      ref={ref}
      id="checkout-notice"
      role="alert"
      tabIndex={-1}
      className="mb-5 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 outline-none focus-visible:ring-2 focus-visible:ring-red-400"
    >
      <p className="text-base font-semibold">{title}</p>
      {notice.kind === "declined" && (
        <>
          <p className="mt-1">{notice.message}</p>
          <p className="mt-1">Nothing was charged and your cart is unchanged. Check the card details or use another card.</p>
        </>
      )}
      {notice.kind === "stock" && (
        <>
          <p className="mt-1">{notice.message} Nothing was charged.</p>
          {notice.items.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {notice.items.map((item) => (
                <li key={item.title}>
                  {item.title}: {item.detail.toLowerCase()}
                </li>
              ))}
            </ul>
          )}
          <Link href="/cart" className="mt-2 inline-block font-semibold underline underline-offset-2">
            Update your cart
          </Link>
        </>
      )}
      {notice.kind === "changed" && (
        <p className="mt-1">
          {notice.message} The total was {money(notice.previousTotalMinor)}; it is now {money(cart.totalMinor)}.
        </p>
      )}
      {notice.kind === "invalid" && (
        <>
          <p className="mt-1">{notice.message}</p>
          {notice.fields.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {notice.fields.map((f) => (
                <li key={f.id}>
                  <a href={`#${f.id}`} className="underline underline-offset-2" onClick={(e) => focusField(e, f.id)}>
                    {f.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {notice.kind === "signed-out" && (
        <p className="mt-1">
          {notice.message}{" "}
          <a href="/sign-in?next=/checkout" className="font-semibold underline underline-offset-2">
            Sign in
          </a>
        </p>
      )}
      {notice.kind === "error" && <p className="mt-1">{notice.message}</p>}
    </div>
  );
}

/** Moves focus into the field itself (a plain #link only scrolls). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}
