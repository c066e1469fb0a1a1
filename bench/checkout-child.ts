/** Child process entry of the checkout benchmark: runs it and prints one result line for run.ts. */
import { benchCheckout, CHECKOUT_RESULT_PREFIX, type CheckoutBenchRequest } from "./checkout";

const request = JSON.parse(process.argv[2] ?? "{}") as CheckoutBenchRequest;
benchCheckout(request)
  .then((result) => {
    console.log(`${CHECKOUT_RESULT_PREFIX}${JSON.stringify(result)}`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
