import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { cartRouter } from "./routers/cart";
import { catalogRouter } from "./routers/catalog";
import { discoveryRouter } from "./routers/discovery";
import { forumRouter } from "./routers/forum";
import { moderationRouter } from "./routers/moderation";
import { notificationsRouter } from "./routers/notifications";
import { ordersRouter } from "./routers/orders";
import { questionsRouter } from "./routers/questions";
import { reviewsRouter } from "./routers/reviews";
import { searchRouter } from "./routers/search";
import { sellerRouter } from "./routers/seller";
import { sellerOrdersRouter } from "./routers/seller-orders";
import { storiesRouter } from "./routers/stories";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  catalog: catalogRouter,
  search: searchRouter,
  cart: cartRouter,
  seller: sellerRouter,
  admin: adminRouter,
  notifications: notificationsRouter,
  orders: ordersRouter,
  sellerOrders: sellerOrdersRouter,
  discovery: discoveryRouter,
  forum: forumRouter,
  reviews: reviewsRouter,
  questions: questionsRouter,
  moderation: moderationRouter,
  stories: storiesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
