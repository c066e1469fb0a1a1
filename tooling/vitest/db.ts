import { afterAll, inject } from "vitest";
import { createTestDatabase, type TestDatabase } from "@agora/db/testing";
import "./provided-context";

/** A fresh database for this test file, dropped when the file is done. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase(inject("pgAdminUrl"));
  afterAll(() => database.drop());
  return database;
}
