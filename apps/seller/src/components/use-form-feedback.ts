"use client";

import { formErrorsOf } from "@agora/api/client-errors";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ZodError } from "zod";
import { fieldErrorsOf } from "~/lib/form-errors";

export const CHECK_FIELDS = "Check the highlighted fields.";

/**
 * Errors for one form: from the shared schema before sending, from the server after. The first invalid
 * field gets focus so keyboard and screen-reader users land on what needs fixing.
 */
export function useFormFeedback(mapServerPath: (path: string) => string = (p) => p) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  // Focus moves after React has rendered the errors: a frame callback can run before a commit that a
  // server response (outside any event) triggered, and would find no invalid field yet.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);
  const focusFirstError = useCallback(() => setFocusRequest((n) => n + 1), []);

  const clear = useCallback(() => {
    setErrors({});
    setMessage(null);
  }, []);

  const invalid = useCallback(
    (error: ZodError) => {
      setErrors(fieldErrorsOf(error));
      setMessage(CHECK_FIELDS);
      focusFirstError();
    },
    [focusFirstError],
  );

  const failed = useCallback(
    (error: unknown) => {
      const { message: text, fieldErrors } = formErrorsOf(error);
      const mapped: Record<string, string> = {};
      for (const [path, m] of Object.entries(fieldErrors)) mapped[mapServerPath(path)] ??= m;
      setErrors(mapped);
      setMessage(text);
      focusFirstError();
    },
    [focusFirstError, mapServerPath],
  );

  /** Clears one field's error as soon as it is edited. */
  const touch = useCallback((path: string) => {
    setErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  // "Check the highlighted fields" goes away once every highlighted field has been edited.
  const shown = message === CHECK_FIELDS && Object.keys(errors).length === 0 ? null : message;
  return { formRef, errors, message: shown, clear, invalid, failed, touch, setMessage };
}
