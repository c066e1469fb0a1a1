import { useTRPC } from "@agora/api/react";
import { useQueryClient } from "@tanstack/react-query";

export type AnswerRole = "seller" | "owner";

export const roleBadge: Record<AnswerRole, { label: string; tone: "blue" | "green" }> = {
  seller: { label: "Seller", tone: "blue" },
  owner: { label: "Verified owner", tone: "green" },
};

/** After a change: the question list (every page of it) is asked for again. */
export function useRefreshQuestions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.questions.list.pathFilter());
}
