import type { Reply } from "../../src/core/types.js";

function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, "$1").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 <$2>");
}

/** A reply as terminal text: title, paragraphs, lists, facts, links and what one can ask next. */
export function renderText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title) lines.push(reply.title, "=".repeat(Math.min(reply.title.length, 72)));
  for (const block of reply.blocks) {
    if (block.type === "paragraph") lines.push(plain(block.text));
    else block.items.forEach((item, i) => lines.push(`${block.ordered ? `${i + 1}.` : "-"} ${plain(item)}`));
    lines.push("");
  }
  for (const fact of reply.facts) lines.push(`${fact.label}: ${fact.value}`);
  if (reply.facts.length > 0) lines.push("");
  for (const link of reply.links) lines.push(`→ ${link.label}: ${link.url}`);
  reply.choices.forEach((choice, i) => lines.push(`  ${i + 1}. ${choice.label}`));
  if (reply.sources.length > 0 && reply.intent !== "section") {
    lines.push(`${reply.language === "de" ? "Quellen" : "Sources"}:`);
    for (const source of reply.sources)
      lines.push(`  - ${source.title}${source.url ? ` <${source.url}>` : ""}`);
  }
  if (reply.suggestions.length > 0) {
    lines.push(
      "",
      `${reply.language === "de" ? "Weiter mit" : "Continue with"}: ${reply.suggestions.map((s) => s.label).join(" · ")}`,
    );
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
