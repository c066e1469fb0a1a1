export * from "./config";
export * from "./templates";
export * from "./notify";
export * from "./deliver";
export * from "./preferences";
export * from "./inbox";
export type { EmailTransport, MessageTransports, OutgoingEmail, OutgoingSms, SmsTransport } from "./transports";
