import { describe, expect, it } from "vitest";
import { databaseEnv, DEFAULT_POOL_SIZE } from "./env";

describe("database settings", () => {
  it("takes the server and the pool size from the environment", () => {
    expect(databaseEnv({ DATABASE_URL: "postgres://u:p@db:5432/agora", DATABASE_POOL_SIZE: "4" })).toEqual({
      url: "postgres://u:p@db:5432/agora",
      poolSize: 4,
    });
  });

  it("defaults the pool size and leaves the server unset", () => {
    expect(databaseEnv({})).toEqual({ url: null, poolSize: DEFAULT_POOL_SIZE });
    expect(databaseEnv({ DATABASE_URL: " ", DATABASE_POOL_SIZE: "" })).toEqual({ url: null, poolSize: DEFAULT_POOL_SIZE });
  });

  it("refuses a pool size that is not a whole number from 1 to 100, saying which value", () => {
    for (const bad of ["0", "-2", "2.5", "many", "101"])
      expect(() => databaseEnv({ DATABASE_POOL_SIZE: bad })).toThrow(`DATABASE_POOL_SIZE must be a whole number from 1 to 100 (it is "${bad}").`);
  });
});
