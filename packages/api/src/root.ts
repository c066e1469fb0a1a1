import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { catalogRouter } from "./routers/catalog";
import { sellerRouter } from "./routers/seller";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  catalog: catalogRouter,
  seller: sellerRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
