/** Child process entry of the search benchmark: runs it and prints one result line for run.ts. */
import { benchSearch, SEARCH_RESULT_PREFIX, type SearchBenchRequest } from "./search";

const request = JSON.parse(process.argv[2] ?? "{}") as SearchBenchRequest;
benchSearch(request)
  .then((result) => {
    console.log(`${SEARCH_RESULT_PREFIX}${JSON.stringify(result)}`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
