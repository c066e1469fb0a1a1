import type { TestProject } from "vitest/node";
import { startTestServer } from "@agora/db/testing";
import "./provided-context";

/** One PostgreSQL server for the whole integration run. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
