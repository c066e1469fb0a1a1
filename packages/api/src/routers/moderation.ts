import { flagContent, listModerationLog, listModerationQueue } from "@agora/core";
import { flagContentSchema, moderationQueueSchema } from "@agora/validators";
import { createTRPCRouter, operatorProcedure, protectedProcedure } from "../trpc";

export const moderationRouter = createTRPCRouter({
  /** Any signed-in member reports something they can see. */
  flag: protectedProcedure.input(flagContentSchema).mutation(({ ctx, input }) => flagContent(ctx.db, ctx.viewer.id, input)),

  queue: operatorProcedure.input(moderationQueueSchema).query(({ ctx, input }) => listModerationQueue(ctx.db, input)),
  log: operatorProcedure.query(({ ctx }) => listModerationLog(ctx.db)),
});
