import {
  flagContent,
  liftSuspension,
  listModerationLog,
  listModerationQueue,
  listSuspendedMembers,
  moderateContent,
  suspendMember,
  warnMember,
} from "@agora/core";
import {
  flagContentSchema,
  liftSuspensionSchema,
  moderateContentSchema,
  moderationQueueSchema,
  suspendMemberSchema,
  warnMemberSchema,
} from "@agora/validators";
import { createTRPCRouter, operatorProcedure, protectedProcedure } from "../trpc";

export const moderationRouter = createTRPCRouter({
  /** Any signed-in member reports something they can see. */
  flag: protectedProcedure.input(flagContentSchema).mutation(({ ctx, input }) => flagContent(ctx.db, ctx.viewer.id, input)),

  queue: operatorProcedure.input(moderationQueueSchema).query(({ ctx, input }) => listModerationQueue(ctx.db, input)),
  log: operatorProcedure.query(({ ctx }) => listModerationLog(ctx.db)),
  suspended: operatorProcedure.query(({ ctx }) => listSuspendedMembers(ctx.db)),
  decide: operatorProcedure.input(moderateContentSchema).mutation(async ({ ctx, input }) => {
    const outcome = await moderateContent(ctx.db, ctx.viewer.id, input);
    if (outcome.cacheTags.length > 0) await ctx.revalidate(outcome.cacheTags);
    return outcome;
  }),
  warn: operatorProcedure.input(warnMemberSchema).mutation(async ({ ctx, input }) => {
    await warnMember(ctx.db, ctx.viewer.id, input);
    return { ok: true as const };
  }),
  suspend: operatorProcedure.input(suspendMemberSchema).mutation(({ ctx, input }) => suspendMember(ctx.db, ctx.viewer.id, input)),
  liftSuspension: operatorProcedure.input(liftSuspensionSchema).mutation(async ({ ctx, input }) => {
    await liftSuspension(ctx.db, ctx.viewer.id, input.userId);
    return { ok: true as const };
  }),
});
