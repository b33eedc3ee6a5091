import type { Activity } from "botbuilder";
import { MAX_TEXT_LENGTH } from "../../src/core/bot.js";

/** Markup is stripped from at most this much text; the core reads far less (MAX_TEXT_LENGTH). */
const MAX_MARKUP_LENGTH = MAX_TEXT_LENGTH * 4;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  euro: "€",
  sect: "§",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  bdquo: "„",
  ldquo: "“",
  rdquo: "”",
  sbquo: "‚",
  lsquo: "‘",
  rsquo: "’",
  laquo: "«",
  raquo: "»",
};

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith("#")) {
    const code =
      name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return NAMED_ENTITIES[name] ?? entity;
}

/** Tags that separate words; inline ones (`<b>`, `<at>`, `<span>` …) may stand inside a word. */
const BLOCK_TAGS = /^(?:p|br|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|hr)$/i;

/**
 * The words of a Teams message without its markup: Teams sends HTML (`<p>`, `<br>`, `<at>`, entities such
 * as `&nbsp;`), the core wants plain text. Scripts and styles are dropped with their content, block tags
 * give way to a space, inline tags to nothing; entities are decoded once.
 */
export function plainTextOf(html: string): string {
  return html
    .slice(0, MAX_MARKUP_LENGTH)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<\/?([a-z][a-z0-9]*)\b[^<>]*>/gi, (_tag, name: string) => (BLOCK_TAGS.test(name) ? " " : ""))
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, decodeEntity)
    .replace(/\s+/g, " ")
    .trim();
}

interface MentionEntity {
  type: "mention";
  mentioned?: { id?: string };
  text?: string;
}

function isMention(entity: { type: string }): entity is MentionEntity {
  return entity.type === "mention";
}

/**
 * What the user wrote to the bot: the bot's own @mention removed (the exact `<at>…</at>` span its mention
 * entity names, whatever the display name), other mentions kept as the names they show, markup stripped.
 */
export function messageTextOf(activity: Partial<Activity>): string {
  let text = activity.text ?? "";
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    if (isMention(entity) && botId && entity.mentioned?.id === botId && entity.text) {
      text = text.split(entity.text).join(" ");
    }
  }
  return plainTextOf(text);
}
