"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { sellerProfileSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MarkdownField } from "~/components/markdown-field";
import { StoreDetailsFields, type StoreDetailsValues } from "~/components/store-details-fields";
import { useFormFeedback } from "~/components/use-form-feedback";

type Values = StoreDetailsValues & { about: string };

export function StoreProfileForm({ initial }: { initial: Values }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.seller.updateProfile.mutationOptions());
  const { formRef, errors, message, invalid, failed, touch, clear } = useFormFeedback();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);

  const set = (field: keyof Values) => (value: string) => {
    touch(field);
    setSaved(false);
    setValues((v) => ({ ...v, [field]: value }));
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = sellerProfileSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error);
    clear();
    save.mutate(parsed.data, {
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
      onError: failed,
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="profile-heading"
      className="space-y-5 rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6"
    >
      <h2 id="profile-heading" className="text-lg font-semibold">
        Details
      </h2>
      {message && <Alert tone="error">{message}</Alert>}
      <StoreDetailsFields
        values={values}
        errors={errors}
        set={set}
        descriptionHint="A short summary shown under your store name (at least 20 characters)."
        descriptionRows={3}
      />
      <MarkdownField
        label="About your store"
        value={values.about}
        onValueChange={set("about")}
        error={errors.about}
        maxLength={10000}
        rows={8}
      />
      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-stone-100 pt-5">
        <p aria-live="polite" className="text-sm text-emerald-700">
          {saved && !save.isPending ? "Store profile saved." : ""}
        </p>
        <Button type="submit" loading={save.isPending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
