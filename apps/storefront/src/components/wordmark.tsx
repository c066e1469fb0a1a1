/** The Agora mark: a market square seen from above, and the name. */
export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={className ? `inline-flex items-center gap-2 ${className}` : "inline-flex items-center gap-2"}>
      <svg viewBox="0 0 32 32" className="size-8" aria-hidden>
        <rect width="32" height="32" rx="9" className="fill-brand-600" />
        <path d="M8 23 16 8l8 15" fill="none" stroke="white" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M11.5 17.5h9" stroke="white" strokeWidth="2.6" strokeLinecap="round" />
      </svg>
      <span className="text-xl font-bold tracking-tight text-ink">Agora</span>
    </span>
  );
}
