import type { Entry } from "../knowledge/types.js";
import { LANGUAGES } from "../knowledge/types.js";
import { foldWord, isStopWord } from "./analyze.js";
import { withinOneEdit } from "./edit-distance.js";
import { contentWords } from "./query.js";

/** Words of a name from this length on may carry one typo ("Innovationsdialg"). */
const MIN_FUZZY_NAME_TERM = 7;
/** A name of stop words only is taken as a phrase from this many words on; one such word is just a word. */
const MIN_PHRASE_WORDS = 3;

/** The words of a name as written, lower-cased. */
function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((piece) => /\p{L}/u.test(piece));
}

/**
 * Whether a name still tells its entry apart as query words. "Info-Veranstaltung", "B-Plan" or "Was wurde
 * aus den Vorschlägen" shrink to one common word ("Veranstaltung", "Plan", "Vorschläge") that many
 * questions contain without naming the entry.
 */
function isDistinctiveName(words: readonly string[], written: readonly string[]): boolean {
  const kept = new Set(words);
  const dropped = written.filter((piece) => !kept.has(piece) && !isStopWord(piece));
  return dropped.length === 0 || kept.size >= 2;
}

const INFLECTION_ENDINGS = ["es", "en", "e", "n", "s"];
const MIN_NAME_STEM = 4;

/**
 * A word as names are compared: folded, with up to two inflection endings removed, so "Planungszellen"
 * and "Bürgerräte" name their entries. Deliberately lighter than the search stemmers, which would make
 * "publication" the name of every question about the "public".
 */
export function nameForm(word: string): string {
  let form = foldWord(word);
  if (form.endsWith("ies") && form.length > MIN_NAME_STEM + 2) return `${form.slice(0, -3)}y`;
  // Twice, so that both forms of a pair like "publication"/"publications" end up the same.
  for (let round = 0; round < 2; round++) {
    const ending = INFLECTION_ENDINGS.find(
      (suffix) => form.endsWith(suffix) && form.length - suffix.length >= MIN_NAME_STEM,
    );
    if (!ending) break;
    form = form.slice(0, -ending.length);
  }
  return form;
}

function keyOf(words: readonly string[]): string {
  return words.map(nameForm).join(" ");
}

function nameKey(text: string): string {
  return keyOf(contentWords(text));
}

/**
 * The titles and aliases of all entries, to tell when a question names an entry: as its whole content
 * ("Planungszellen?") or inside a longer question ("Wie läuft ein Bürgerrat ab?").
 */
export class EntryNames {
  private readonly whole = new Map<string, string>();
  private readonly inText: { id: string; words: string[] }[] = [];
  /** Names made of stop words only ("you said, we did"): they name their entry as that exact phrase. */
  private readonly phrases: { id: string; words: string[] }[] = [];

  /** `isCommon` tells whether a word occurs in most entries of the knowledge base. */
  constructor(entries: readonly Entry[], isCommon: (word: string) => boolean) {
    for (const entry of entries) {
      for (const language of LANGUAGES) {
        for (const name of [entry.title[language], ...entry.aliases[language]]) {
          const words = contentWords(name);
          const written = wordsOf(name);
          const key = keyOf(words);
          if (!key && written.length >= MIN_PHRASE_WORDS) this.phrases.push({ id: entry.id, words: written });
          if (!key || !isDistinctiveName(words, written)) continue;
          if (!this.whole.has(key)) this.whole.set(key, entry.id);
          // A name of several words that all occur in most entries ("Bürger beteiligen", a book title),
          // or one that shrinks to such a word ("Was muss ich für Bürgerbeteiligung können"), is also
          // how people ask about anything; it names its entry only as the whole question. A one-word
          // name ("Moderation") names its entry wherever it stands.
          const shrank = words.length < written.length;
          if (!words.every(isCommon) || (words.length === 1 && !shrank))
            this.inText.push({ id: entry.id, words: key.split(" ") });
        }
      }
    }
  }

  /** The entry whose title or alias is exactly the text's content, if any. */
  namedBy(text: string): string | undefined {
    const key = nameKey(text);
    if (key) return this.whole.get(key);
    return this.phrasesIn(text).values().next().value;
  }

  /** Entries whose title or alias made of stop words only stands in the text word for word. */
  private phrasesIn(text: string): Set<string> {
    const written = wordsOf(text);
    const found = new Set<string>();
    for (const { id, words } of this.phrases) {
      const at = written.findIndex((_, start) => words.every((word, i) => written[start + i] === word));
      if (at >= 0) found.add(id);
    }
    return found;
  }

  /** Entries whose whole title or alias occurs in a text, one typo allowed in long words. */
  namedIn(text: string): Set<string> {
    const found = this.phrasesIn(text);
    const words = contentWords(text).map(nameForm);
    const matches = (term: string) =>
      words.some(
        (word) => word === term || (term.length >= MIN_FUZZY_NAME_TERM && withinOneEdit(word, term)),
      );
    for (const { id, words: nameWords } of this.inText) {
      if (!found.has(id) && nameWords.every(matches)) found.add(id);
    }
    return found;
  }
}
