/**
 * The outbox worker: delivers the order e-mails and text messages the apps write to the outbox.
 *
 *   npm run worker          (needs DATABASE_URL; `npm start` / `npm run dev` start it for you)
 *
 * A pass every second, and at once when a transaction that wrote messages commits (LISTEN on the
 * "outbox" channel). Several workers may run side by side: each claims different messages. Delivery is
 * at-least-once (see packages/core/src/notifications/deliver.ts). SIGTERM or SIGINT finishes the
 * message in hand and exits; a second signal exits at once.
 */
import { deliverDueMessages, notificationSettings, OUTBOX_CHANNEL, type NotificationSettings } from "@agora/core";
import { createMessageTransports } from "@agora/core/message-transports";
import { createDb } from "@agora/db";
import postgres from "postgres";

const BATCH_SIZE = 20;
const IDLE_MS = 1_000;
const log = (message: string) => console.log(`[worker] ${message}`);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("[worker] DATABASE_URL is not set. `npm start` and `npm run dev` start the worker with the right database.");
  process.exit(2);
}

let stopping = false;
/** Set by a notification that arrives while a pass runs, so the next pass starts without waiting. */
let notified = false;
let wakeUp: (() => void) | null = null;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      wakeUp = null;
      resolve();
    };
    const timer = setTimeout(done, ms);
    wakeUp = done;
  });
}

function wake() {
  notified = true;
  wakeUp?.();
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    log(`${signal}: finishing the current pass, then stopping`);
    stopping = true;
    wakeUp?.();
  });
}

function describeDelivery(settings: NotificationSettings): string {
  if (settings.devInbox)
    return `to the development inbox (${settings.storefrontUrl}/dev/inbox): no SMTP or SMS provider is configured`;
  return `e-mail ${settings.smtp ? "by SMTP" : "not configured"}, SMS ${settings.twilio ? `by ${new URL(settings.twilio.apiUrl).host}` : "not configured"}`;
}

async function main(url: string) {
  const settings = notificationSettings();
  const transports = await createMessageTransports(settings);
  const { db, close } = createDb(url, { max: 2 });
  const listener = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await listener.listen(OUTBOX_CHANNEL, wake);
  } catch (error) {
    log(`cannot LISTEN (${error instanceof Error ? error.message : String(error)}); checking every second instead`);
  }
  log(`delivering messages ${describeDelivery(settings)}`);

  let failedPasses = 0;
  while (!stopping) {
    notified = false;
    try {
      const report = await deliverDueMessages(db, transports, { batchSize: BATCH_SIZE });
      failedPasses = 0;
      if (report.claimed > 0) {
        const parts = [
          `${report.sent} sent`,
          report.retrying && `${report.retrying} to retry`,
          report.failed && `${report.failed} failed for good`,
        ];
        log(parts.filter(Boolean).join(", "));
      }
      // A full batch means more may be waiting.
      if (report.claimed === BATCH_SIZE) continue;
    } catch (error) {
      failedPasses++;
      console.error(`[worker] delivery pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (stopping) break;
    if (notified && failedPasses === 0) continue;
    await sleep(failedPasses ? Math.min(30_000, IDLE_MS * 2 ** failedPasses) : IDLE_MS);
  }

  await listener.end({ timeout: 2 });
  await transports.close?.();
  await close();
  log("stopped");
}

main(databaseUrl).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[worker]", error);
    process.exit(1);
  },
);
