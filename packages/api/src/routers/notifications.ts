import { listInboxMessages, notificationSettings, retryFailedMessage } from "@agora/core";
import { z } from "zod";
import { createTRPCRouter, operatorProcedure, protectedProcedure } from "../trpc";

/** The development inbox: what Agora sent, while no real e-mail or SMS provider is configured. */
export const notificationsRouter = createTRPCRouter({
  /** The viewer's own messages; an operator's inbox shows everyone's. Not found once real delivery is configured. */
  inbox: protectedProcedure
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }).default({ page: 1 }))
    .query(({ ctx, input }) =>
      listInboxMessages(ctx.db, {
        viewerId: ctx.viewer.id,
        everyone: ctx.viewer.roles.includes("operator"),
        page: input.page,
        devInbox: notificationSettings().devInbox,
      }),
    ),

  /** Sends a message that failed every attempt again (e.g. after the mail server is fixed). */
  retry: operatorProcedure.input(z.object({ messageId: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    const message = await retryFailedMessage(ctx.db, input.messageId);
    return { id: message.id, status: message.status };
  }),
});
