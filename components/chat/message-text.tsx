import { linkify } from "@/lib/client/links";

/**
 * A message's text: React escapes it, pre-wrap keeps the writer's line breaks, and http(s) links
 * are clickable, opened apart from the call and vouching for nothing (`nofollow`).
 */
export function MessageText({ body }: { body: string }) {
  return (
    <p className="text-sm break-words whitespace-pre-wrap">
      {linkify(body).map((part, i) =>
        part.kind === "link" ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 underline break-all dark:text-indigo-300">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
