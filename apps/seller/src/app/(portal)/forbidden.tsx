import { buttonClasses } from "@agora/ui/button";
import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-muted">
        The operator console is only for the marketplace team. If you think you should have access, ask an operator.
      </p>
      <Link href="/" className={`${buttonClasses("secondary")} mt-6`}>
        Back to your dashboard
      </Link>
    </div>
  );
}
