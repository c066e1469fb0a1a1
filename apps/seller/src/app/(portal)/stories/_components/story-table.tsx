import type { OwnStoryRow } from "@agora/core";
import { Badge } from "@agora/ui/badge";
import Link from "next/link";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

/** The stories a writer may edit, newest change first. */
export function StoryTable({ rows, basePath, showStore }: { rows: OwnStoryRow[]; basePath: string; showStore: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-xs">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-200 bg-stone-50 text-xs tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              Story
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Status
            </th>
            {showStore && (
              <th scope="col" className="px-4 py-3 font-medium">
                By
              </th>
            )}
            <th scope="col" className="px-4 py-3 font-medium">
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((s) => (
            <tr key={s.id}>
              <td className="px-4 py-3 [overflow-wrap:anywhere]">
                <Link href={`${basePath}/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.title}
                </Link>
                <span className="block text-xs text-muted">/stories/{s.slug}</span>
              </td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  <Badge tone={s.status === "published" ? "green" : "neutral"}>
                    {s.status === "published" ? "Published" : "Draft"}
                  </Badge>
                  {s.moderation === "hidden" && <Badge tone="red">Hidden</Badge>}
                </span>
              </td>
              {showStore && (
                <td className="px-4 py-3">
                  {s.authorName}
                  <span className="block text-xs text-muted">{s.storeName ?? "Marketplace team"}</span>
                </td>
              )}
              <td className="px-4 py-3 whitespace-nowrap">{dateFormat.format(s.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
