"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useTRPC } from "@agora/api/react";
import { formatDateRange } from "@agora/core/delivery";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { cn } from "@agora/ui/cn";
import { SelectField, TextAreaField, TextField } from "@agora/ui/field";
import { cancelOrderSchema, postDelaySchema, shipOrderSchema } from "@agora/validators";
import { useIsMutating, useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useFormFeedback } from "~/components/use-form-feedback";

type Status = "placed" | "accepted" | "shipped" | "delivered" | "cancelled" | "pending_payment";
type Panel = "ship" | "cancel" | "delay";

export interface ActionOrder {
  id: string;
  number: number;
  status: Status;
  fulfilment: "shipping" | "pickup";
  estimatedFrom: string;
  estimatedTo: string;
  promisedFrom: string;
  promisedTo: string;
  late: boolean;
}

type Can = { accept: boolean; ship: boolean; deliver: boolean; cancel: boolean; delay: boolean };

/** Called after any action succeeds: close the form, say what happened, and re-read the order. */
type Done = (message: string) => void;
/** One action at a time: take() is false while another is on its way. */
type Lock = { take: () => boolean; release: () => void };

function stateText(order: ActionOrder): string {
  const pickup = order.fulfilment === "pickup";
  switch (order.status) {
    case "placed":
      return pickup
        ? "A new order. Accept it so the shopper knows you are preparing it, or mark it ready for pickup straight away."
        : "A new order. Accept it so the shopper knows you are preparing it, or ship it straight away.";
    case "accepted":
      return pickup
        ? "Accepted. Mark it ready once the items are waiting at the counter; the payment is captured then."
        : "Accepted. Ship it with a tracking number; the payment is captured when you ship.";
    case "shipped":
      return pickup
        ? "Waiting for the shopper to collect it. Mark it picked up when they have."
        : "On its way. Mark it delivered once the carrier confirms delivery.";
    case "delivered":
      return pickup ? "Picked up. Nothing more to do." : "Delivered. Nothing more to do.";
    case "cancelled":
      return "Cancelled. The shopper’s payment was released and the items went back into stock.";
    default:
      return "";
  }
}

/**
 * What the seller can do next with an order, by its status (the buttons follow the lifecycle table in core).
 * Every action is disabled while another is on its way, and the page is re-read when one succeeds.
 */
export function OrderActions({ order, can, today }: { order: ActionOrder; can: Can; today: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const headingId = useId();
  const formId = useId();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const pending = useIsMutating({ mutationKey: trpc.sellerOrders.pathKey() }) > 0;
  const busy = pending || refreshing;
  const accept = useMutation(trpc.sellerOrders.accept.mutationOptions());
  const deliver = useMutation(trpc.sellerOrders.markDelivered.mutationOptions());
  const pickup = order.fulfilment === "pickup";

  // A second click lands before React re-renders the disabled buttons: this lock is checked synchronously.
  const inFlight = useRef(false);
  const lock: Lock = {
    take: () => {
      if (inFlight.current) return false;
      inFlight.current = true;
      return true;
    },
    release: () => {
      inFlight.current = false;
    },
  };
  const refresh = () => startRefresh(() => router.refresh());
  const done: Done = (message) => {
    lock.release();
    setPanel(null);
    setError(null);
    setNotice(message);
    refresh();
  };
  /** A refusal (e.g. the shopper cancelled a moment ago): say why and show the order as it is now. */
  const refused = (e: unknown) => {
    lock.release();
    setNotice(null);
    setError(formErrorsOf(e).message);
    refresh();
  };

  function toggle(next: Panel) {
    setNotice(null);
    setError(null);
    setPanel((current) => (current === next ? null : next));
  }

  const shipLabel = pickup ? "Mark ready for pickup" : "Ship";
  const hasActions = can.accept || can.ship || can.deliver || can.delay || can.cancel;

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-5">
      <h2 id={headingId} className="font-semibold">
        {hasActions ? "Next step" : "Status"}
      </h2>
      <p className="mt-1 text-sm text-muted">{stateText(order)}</p>

      {order.late && (
        <Alert tone="warning" className="mt-3">
          The delivery date promised to the shopper ({formatDateRange({ from: order.promisedFrom, to: order.promisedTo })}) has
          passed. Ship it now, or post a delay so the shopper knows when to expect it.
        </Alert>
      )}

      <div aria-live="polite" aria-atomic="true">
        {notice && (
          <Alert tone="success" className="mt-3">
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert tone="error" className="mt-3">
          {error}
        </Alert>
      )}

      {hasActions && (
        <div className="mt-4 flex flex-wrap gap-2">
          {can.accept && (
            <Button
              type="button"
              loading={accept.isPending}
              disabled={busy}
              onClick={() => {
                if (!lock.take()) return;
                setPanel(null);
                setNotice(null);
                setError(null);
                accept.mutate(
                  { orderId: order.id },
                  { onSuccess: () => done("Order accepted. The shopper has been told you are preparing it."), onError: refused },
                );
              }}
            >
              Accept order
            </Button>
          )}
          {can.ship && (
            <Toggle
              open={panel === "ship"}
              controls={`${formId}-ship`}
              onClick={() => toggle("ship")}
              disabled={busy}
              primary={!can.accept}
            >
              {shipLabel}…
            </Toggle>
          )}
          {can.deliver && (
            <Button
              type="button"
              loading={deliver.isPending}
              disabled={busy}
              onClick={() => {
                if (!lock.take()) return;
                setPanel(null);
                setNotice(null);
                setError(null);
                deliver.mutate(
                  { orderId: order.id },
                  { onSuccess: () => done(pickup ? "Marked as picked up." : "Marked as delivered."), onError: refused },
                );
              }}
            >
              {pickup ? "Mark picked up" : "Mark delivered"}
            </Button>
          )}
          {can.delay && (
            <Toggle open={panel === "delay"} controls={`${formId}-delay`} onClick={() => toggle("delay")} disabled={busy}>
              Post a delay…
            </Toggle>
          )}
          {can.cancel && (
            <Toggle
              open={panel === "cancel"}
              controls={`${formId}-cancel`}
              onClick={() => toggle("cancel")}
              disabled={busy}
              danger
            >
              Cancel order…
            </Toggle>
          )}
        </div>
      )}

      {panel === "ship" && can.ship && (
        <ShipForm
          lock={lock}
          id={`${formId}-ship`}
          order={order}
          busy={busy}
          done={done}
          refused={refresh}
          close={() => setPanel(null)}
        />
      )}
      {panel === "delay" && can.delay && (
        <DelayForm
          lock={lock}
          id={`${formId}-delay`}
          order={order}
          today={today}
          busy={busy}
          done={done}
          refused={refresh}
          close={() => setPanel(null)}
        />
      )}
      {panel === "cancel" && can.cancel && (
        <CancelForm
          lock={lock}
          id={`${formId}-cancel`}
          order={order}
          busy={busy}
          done={done}
          refused={refresh}
          close={() => setPanel(null)}
        />
      )}
    </section>
  );
}

function Toggle({
  open,
  controls,
  onClick,
  disabled,
  primary = false,
  danger = false,
  children,
}: {
  open: boolean;
  controls: string;
  onClick: () => void;
  disabled: boolean;
  primary?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      type="button"
      variant={primary ? "primary" : "secondary"}
      aria-expanded={open}
      aria-controls={open ? controls : undefined}
      onClick={onClick}
      disabled={disabled}
      className={cn(danger && "text-red-700 ring-red-200 hover:bg-red-50")}
    >
      {children}
    </Button>
  );
}

type FormProps = {
  id: string;
  order: ActionOrder;
  busy: boolean;
  lock: Lock;
  done: Done;
  refused: () => void;
  close: () => void;
};

function FormShell({
  id,
  title,
  formRef,
  message,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  formRef: React.RefObject<HTMLFormElement | null>;
  message: string | null;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  // Opening a form moves the keyboard to its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
  }, [formRef]);
  return (
    <form
      id={id}
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="mt-4 space-y-4 rounded-lg bg-stone-50 p-4 ring-1 ring-stone-200"
    >
      <h3 id={`${id}-title`} className="font-medium text-ink">
        {title}
      </h3>
      {message && <Alert tone="error">{message}</Alert>}
      {children}
    </form>
  );
}

function FormButtons({
  busy,
  submit,
  danger = false,
  close,
  closeLabel = "Not now",
}: {
  busy: boolean;
  submit: string;
  danger?: boolean;
  close: () => void;
  closeLabel?: string;
}) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <Button type="submit" variant={danger ? "danger" : "primary"} loading={busy} disabled={busy}>
        {submit}
      </Button>
      <Button type="button" variant="ghost" onClick={close} disabled={busy}>
        {closeLabel}
      </Button>
    </div>
  );
}

const CARRIERS = ["UPS", "USPS", "FedEx", "DHL Express", "Canada Post"];
const OTHER = "__other";
const PICKUP_CARRIER = "In-store pickup";

function ShipForm({ id, order, busy, lock, done, refused, close }: FormProps) {
  const trpc = useTRPC();
  const ship = useMutation(trpc.sellerOrders.ship.mutationOptions());
  const pickup = order.fulfilment === "pickup";
  const feedback = useFormFeedback();
  const [carrierChoice, setCarrierChoice] = useState(CARRIERS[0] ?? OTHER);
  const [otherCarrier, setOtherCarrier] = useState("");
  const [tracking, setTracking] = useState(pickup ? String(order.number) : "");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    feedback.clear();
    const carrier = pickup ? PICKUP_CARRIER : carrierChoice === OTHER ? otherCarrier : carrierChoice;
    const parsed = shipOrderSchema.safeParse({ orderId: order.id, carrier, trackingNumber: tracking });
    if (!parsed.success) return feedback.invalid(parsed.error);
    if (!lock.take()) return;
    ship.mutate(parsed.data, {
      onSuccess: () =>
        done(
          pickup
            ? "Marked ready for pickup. The payment was captured and the shopper has been told."
            : "Shipped. The payment was captured and the shopper has the tracking number.",
        ),
      onError: (err) => {
        lock.release();
        feedback.failed(err);
        refused();
      },
    });
  }

  return (
    <FormShell
      id={id}
      title={pickup ? `Mark order #${order.number} ready for pickup` : `Ship order #${order.number}`}
      formRef={feedback.formRef}
      message={feedback.message}
      onSubmit={submit}
    >
      {!pickup && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="carrierChoice"
            label="Carrier"
            value={carrierChoice}
            onChange={(e) => {
              setCarrierChoice(e.currentTarget.value);
              feedback.touch("carrier");
            }}
            error={carrierChoice === OTHER ? undefined : feedback.errors.carrier}
            disabled={busy}
          >
            {CARRIERS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            <option value={OTHER}>Another carrier…</option>
          </SelectField>
          {carrierChoice === OTHER && (
            <TextField
              name="carrier"
              label="Carrier name"
              required
              maxLength={60}
              value={otherCarrier}
              onChange={(e) => {
                setOtherCarrier(e.currentTarget.value);
                feedback.touch("carrier");
              }}
              error={feedback.errors.carrier}
              disabled={busy}
            />
          )}
        </div>
      )}
      <TextField
        name="trackingNumber"
        label={pickup ? "Pickup reference" : "Tracking number"}
        hint={
          pickup
            ? "The shopper quotes this at the counter. The order number works well."
            : "As printed on the label: letters, digits, spaces and hyphens."
        }
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        value={tracking}
        onChange={(e) => {
          setTracking(e.currentTarget.value);
          feedback.touch("trackingNumber");
        }}
        error={feedback.errors.trackingNumber}
        disabled={busy}
        className="font-mono"
      />
      <p className="text-sm text-muted">The shopper’s card is charged now, and the sale is added to your payouts.</p>
      <FormButtons busy={busy} submit={pickup ? "Mark ready for pickup" : `Ship order #${order.number}`} close={close} />
    </FormShell>
  );
}

function CancelForm({ id, order, busy, lock, done, refused, close }: FormProps) {
  const trpc = useTRPC();
  const cancel = useMutation(trpc.sellerOrders.cancel.mutationOptions());
  const feedback = useFormFeedback();
  const [reason, setReason] = useState("");

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    feedback.clear();
    const parsed = cancelOrderSchema.safeParse({ orderId: order.id, reason });
    if (!parsed.success) return feedback.invalid(parsed.error);
    if (!lock.take()) return;
    cancel.mutate(parsed.data, {
      onSuccess: () =>
        done("Order cancelled. The shopper was told why, their payment was released and the items are back in stock."),
      onError: (err) => {
        lock.release();
        feedback.failed(err);
        refused();
      },
    });
  }

  return (
    <FormShell
      id={id}
      title={`Cancel order #${order.number}?`}
      formRef={feedback.formRef}
      message={feedback.message}
      onSubmit={submit}
    >
      <p className="text-sm text-stone-700">
        This cannot be undone. The shopper’s payment is released and the items go back into stock.
      </p>
      <TextAreaField
        name="reason"
        label="Reason for the shopper"
        hint="Shown on their order and in the e-mail they receive. Be specific and kind."
        required
        maxLength={500}
        rows={3}
        className="min-h-20"
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          feedback.touch("reason");
        }}
        error={feedback.errors.reason}
        disabled={busy}
      />
      <FormButtons busy={busy} submit={`Cancel order #${order.number}`} danger close={close} closeLabel="Keep order" />
    </FormShell>
  );
}

function DelayForm({ id, order, today, busy, lock, done, refused, close }: FormProps & { today: string }) {
  const trpc = useTRPC();
  const delay = useMutation(trpc.sellerOrders.postDelay.mutationOptions());
  const feedback = useFormFeedback();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [note, setNote] = useState("");
  const current = formatDateRange({ from: order.estimatedFrom, to: order.estimatedTo });
  const promised = formatDateRange({ from: order.promisedFrom, to: order.promisedTo });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    feedback.clear();
    const parsed = postDelaySchema.safeParse({ orderId: order.id, estimatedFrom: from, estimatedTo: to, note });
    if (!parsed.success) return feedback.invalid(parsed.error);
    if (!lock.take()) return;
    delay.mutate(parsed.data, {
      onSuccess: () => done("Delay posted. The shopper has been told the new estimate, with your note."),
      onError: (err) => {
        lock.release();
        feedback.failed(err);
        refused();
      },
    });
  }

  return (
    <FormShell
      id={id}
      title={`Post a delay for order #${order.number}`}
      formRef={feedback.formRef}
      message={feedback.message}
      onSubmit={submit}
    >
      <p className="text-sm text-stone-700">
        The shopper currently expects it <span className="font-medium text-ink">{current}</span>
        {current !== promised && <> (promised at checkout: {promised})</>}. Give a new, later estimate; they are told at once, by
        e-mail or text as they chose.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="estimatedFrom"
          type="date"
          label="New earliest delivery date"
          required
          min={today}
          value={from}
          onChange={(e) => {
            setFrom(e.currentTarget.value);
            feedback.touch("estimatedFrom");
          }}
          error={feedback.errors.estimatedFrom}
          disabled={busy}
        />
        <TextField
          name="estimatedTo"
          type="date"
          label="New latest delivery date"
          hint={`Must be after ${formatDateRange({ from: order.estimatedTo, to: order.estimatedTo })}.`}
          required
          min={from || today}
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            feedback.touch("estimatedTo");
          }}
          error={feedback.errors.estimatedTo}
          disabled={busy}
        />
      </div>
      <TextAreaField
        name="note"
        label="Note for the shopper"
        hint="Say what happened and what you are doing about it."
        required
        maxLength={500}
        rows={3}
        className="min-h-20"
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          feedback.touch("note");
        }}
        error={feedback.errors.note}
        disabled={busy}
      />
      <FormButtons busy={busy} submit="Post delay" close={close} />
    </FormShell>
  );
}
