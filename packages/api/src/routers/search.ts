import { searchCatalog, suggestCatalog } from "@agora/core";
import { searchInputSchema, searchResultSchema, suggestInputSchema, suggestionsSchema } from "@agora/validators";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const searchRouter = createTRPCRouter({
  /** Full-text search with facets, sort and cursor paging: anyone may search. */
  search: publicProcedure
    .input(searchInputSchema)
    .output(searchResultSchema)
    .query(({ ctx, input }) => searchCatalog(ctx.db, input)),

  /** Autocomplete for the search box. */
  suggest: publicProcedure
    .input(suggestInputSchema)
    .output(suggestionsSchema)
    .query(({ ctx, input }) => suggestCatalog(ctx.db, input.prefix)),
});
