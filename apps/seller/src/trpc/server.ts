import "server-only";
import { createCaller } from "@agora/api";
import { mediaStore, noCartCookie, paymentProvider } from "@agora/api/http";
import { getViewer } from "@agora/auth";
import { getDb } from "@agora/db";
import { cache } from "react";
import { revalidate } from "./revalidate";

/** tRPC called directly from server components and actions, with the same context as HTTP calls. */
export const api = cache(async () => createCaller({ db: getDb(), viewer: await getViewer(), media: mediaStore(), revalidate, payments: paymentProvider(), cartToken: noCartCookie }));
