import { cn } from "@agora/ui/cn";

/** The same typography as community-text.tsx, for client-side previews and revision history. */
export const communityProse = cn(
  "break-words text-[15px] leading-relaxed text-stone-800",
  "[&_p]:my-2 [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_h4]:font-semibold",
  "[&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-2 [&_a.mention]:font-medium [&_a.mention]:no-underline",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-200 [&_blockquote]:pl-3 [&_blockquote]:text-stone-600",
  "[&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_code]:text-[13px] [&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-stone-100 [&_pre]:p-3",
  "[&_img]:my-2 [&_img]:max-h-96 [&_img]:rounded-lg",
);
