"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Open/closed state for a popover menu: closes on navigation (a new `pathname`, when given; a caller
 * that learns of navigations otherwise closes it itself), on Escape (focus returns to its button) and
 * on a pointer press outside its root element.
 */
export function useDismissable<Root extends HTMLElement>(pathname?: string) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<Root>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return { open, setOpen, rootRef, buttonRef };
}
