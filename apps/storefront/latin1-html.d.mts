/** Types for latin1-html.mjs (stored pages with Latin-1 characters only). */
export function latin1Html(html: string): string;
export function latin1Page<T>(value: T): T;
