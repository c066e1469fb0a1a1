"use client";

export { TRPCReactProvider as Providers } from "@agora/api/react";
