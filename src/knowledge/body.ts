import { Lexer, type Token, type Tokens } from "marked";
import {
  LANGUAGE_HEADINGS,
  LANGUAGES,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type Block,
  type Language,
  type Localized,
  type SectionKey,
  type Sections,
} from "./types.js";

export interface BodyProblem {
  field: string;
  message: string;
}

const languageByHeading = new Map(LANGUAGES.map((language) => [LANGUAGE_HEADINGS[language], language]));

function sectionByHeading(language: Language): Map<string, SectionKey> {
  return new Map(SECTION_KEYS.map((key) => [SECTION_HEADINGS[key][language], key]));
}

function toBlock(token: Token): Block | undefined {
  if (token.type === "paragraph") {
    return { type: "paragraph", text: (token as Tokens.Paragraph).text.replace(/\s*\n\s*/g, " ") };
  }
  if (token.type === "list") {
    const list = token as Tokens.List;
    return {
      type: "list",
      ordered: list.ordered,
      items: list.items.map((item) => item.text.replace(/\s*\n\s*/g, " ").trim()),
    };
  }
  return undefined;
}

/**
 * Splits an entry's Markdown body into language parts (`# Deutsch`, `# English`) and sections
 * (`## Ablauf` …), turning each section into paragraphs and lists.
 */
export function parseBody(markdown: string): { sections: Localized<Sections>; problems: BodyProblem[] } {
  const sections: Localized<Sections> = { de: {}, en: {} };
  const problems: BodyProblem[] = [];
  let language: Language | undefined;
  let section: SectionKey | undefined;

  for (const token of new Lexer().lex(markdown)) {
    if (token.type === "space") continue;
    if (token.type === "heading") {
      const heading = token as Tokens.Heading;
      const title = heading.text.trim();
      if (heading.depth === 1) {
        language = languageByHeading.get(title);
        section = undefined;
        if (!language) problems.push({ field: "body", message: `unknown language heading "# ${title}"` });
        continue;
      }
      if (heading.depth === 2 && language) {
        section = sectionByHeading(language).get(title);
        if (!section) {
          problems.push({ field: `body.${language}`, message: `unknown section heading "## ${title}"` });
        } else if (sections[language][section]) {
          problems.push({
            field: `body.${language}.${section}`,
            message: `section "## ${title}" appears twice`,
          });
        } else {
          sections[language][section] = [];
        }
        continue;
      }
      problems.push({ field: "body", message: `heading "${title}" is not allowed here` });
      continue;
    }
    if (!language || !section) {
      problems.push({ field: "body", message: "text outside a language part and section" });
      continue;
    }
    const block = toBlock(token);
    if (!block) {
      problems.push({
        field: `body.${language}.${section}`,
        message: `only paragraphs and lists are allowed, found ${token.type}`,
      });
      continue;
    }
    sections[language][section]?.push(block);
  }

  for (const lang of LANGUAGES) {
    for (const [key, blocks] of Object.entries(sections[lang])) {
      if (blocks.length === 0) problems.push({ field: `body.${lang}.${key}`, message: "section is empty" });
    }
  }
  return { sections, problems };
}
