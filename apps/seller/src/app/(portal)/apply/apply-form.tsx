"use client";

import { useTRPC } from "@agora/api/react";
import { Alert } from "@agora/ui/alert";
import { Button } from "@agora/ui/button";
import { TextField } from "@agora/ui/field";
import { sellerApplicationSchema } from "@agora/validators";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { StoreDetailsFields } from "~/components/store-details-fields";
import { useFormFeedback } from "~/components/use-form-feedback";
import { slugify } from "@agora/core/slug";

export function ApplyForm({ storeBaseUrl, defaultEmail }: { storeBaseUrl: string; defaultEmail: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const submit = useMutation(trpc.seller.submitApplication.mutationOptions());
  const { formRef, errors, message, invalid, failed, touch, clear } = useFormFeedback();
  const [values, setValues] = useState({
    name: "",
    slug: "",
    description: "",
    contactEmail: defaultEmail,
    contactPhone: "",
    returnPolicy: "",
  });
  const [slugEdited, setSlugEdited] = useState(false);
  const [done, setDone] = useState(false);

  const set = (field: keyof typeof values) => (value: string) => {
    touch(field);
    setValues((v) => {
      const next = { ...v, [field]: value };
      if (field === "name" && !slugEdited) next.slug = slugify(value);
      return next;
    });
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submit.isPending || done) return;
    const parsed = sellerApplicationSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error);
    clear();
    submit.mutate(parsed.data, {
      onSuccess: () => {
        setDone(true);
        router.push("/");
        router.refresh();
      },
      onError: failed,
    });
  }

  const slugPreview = values.slug.trim().toLowerCase() || "your-store";

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5 rounded-xl border border-stone-200 bg-white p-4 shadow-xs sm:p-6"
    >
      {message && <Alert tone="error">{message}</Alert>}
      <StoreDetailsFields
        values={values}
        errors={errors}
        set={set}
        withNames
        afterName={
          <div className="space-y-1">
            <TextField
              label="Store address"
              name="slug"
              value={values.slug}
              onChange={(e) => {
                setSlugEdited(true);
                set("slug")(e.target.value);
              }}
              error={errors.slug}
              hint="Lowercase letters, digits and hyphens. This cannot be changed later."
              maxLength={60}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
            />
            <p className="text-xs break-all text-muted" aria-live="polite">
              Your store will be at{" "}
              <span className="font-medium text-ink">
                {storeBaseUrl}
                {slugPreview}
              </span>
            </p>
          </div>
        }
        descriptionHint="What you sell and what makes your store worth a visit (at least 20 characters)."
        descriptionRows={4}
        returnPolicyHint="For example: how many days buyers have to return an item, and who pays for return shipping."
      />
      <div className="flex items-center justify-end gap-3 border-t border-stone-100 pt-5">
        <Button type="submit" loading={submit.isPending || done}>
          Apply
        </Button>
      </div>
    </form>
  );
}
