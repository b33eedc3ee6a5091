import { lunr } from "./lunr.js";

/**
 * Text analysis shared by indexing and querying, so that both sides see exactly the same terms.
 *
 * Lunr's own pipelines are not used: each field is analysed here with the pipeline of its language
 * (German or English stemming) and handed to Lunr as ready-made terms.
 */

export type AnalysisLanguage = "de" | "en";

const VOWELS = new Set("aeiouyäöü");

/**
 * Spellings without umlauts ("Buergerrat") are read as umlauts, as in Snowball's german2 variant:
 * ae/oe/ue become ä/ö/ü, except "ue" after q (Quelle) or after a vowel (Frauen, Bauer).
 */
export function transliterateUmlauts(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const char = word.charAt(i);
    const next = word.charAt(i + 1);
    if (next === "e" && (char === "a" || char === "o" || char === "u")) {
      const previous = word.charAt(i - 1);
      const keep = char === "u" && (previous === "q" || VOWELS.has(previous));
      if (!keep) {
        out += char === "a" ? "ä" : char === "o" ? "ö" : "ü";
        i++;
        continue;
      }
    }
    out += char;
  }
  return out;
}

/** Lower case, ß as ss, accents other than umlauts dropped (Café = Cafe), ae/oe/ue read as umlauts. */
function prepareWord(word: string): string {
  const withoutAccents = word
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/(?!\u0308)\p{M}/gu, "")
    .normalize("NFC");
  return transliterateUmlauts(withoutAccents);
}

function dropUmlauts(word: string): string {
  return word
    .replace(/ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/ü/g, "u")
    .replace(/\u0308/g, "");
}

/** The spelling-independent form of a word: "Bürger", "Buerger" and "Burger" all become "burger". */
export function foldWord(word: string): string {
  return dropUmlauts(prepareWord(word));
}

const MAX_WORD_LENGTH = 40;

const HYPHENATED = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)+/gu;
const HYPHEN = /[-\u2010\u2011]/u;

/**
 * Hyphenated words that mean something only whole: "Know-how", "E-Partizipation", "face-to-face",
 * "in-house". One of their pieces is a single letter or a stop word, so the pieces alone lose them.
 */
function hyphenatedWholes(text: string): string[] {
  const wholes: string[] = [];
  for (const [group] of text.matchAll(HYPHENATED)) {
    const pieces = group.split(HYPHEN);
    if (pieces.some((piece) => piece.length === 1 || isStopWord(piece))) wholes.push(pieces.join(""));
  }
  return wholes;
}

/**
 * Splits any text into lower-case words. Everything that is not a letter or digit separates words, so
 * query syntax characters, emoji and markup can never reach Lunr. A hyphenated word whose pieces mean
 * little alone is also kept whole (see hyphenatedWholes).
 */
export function splitWords(text: string): string[] {
  const lower = text.normalize("NFC").toLowerCase();
  return [...lower.split(/[^\p{L}\p{N}]+/u), ...hyphenatedWholes(lower)].filter(
    (word) => word.length > 1 && word.length <= MAX_WORD_LENGTH,
  );
}

type Stem = (word: string) => string;

function pipelineStemmer(stemmer: lunr.PipelineFunction): Stem {
  const pipeline = new lunr.Pipeline();
  pipeline.add(stemmer);
  return (word) => pipeline.runString(word)[0] ?? word;
}

const stemGerman = pipelineStemmer(lunr.de.stemmer as lunr.PipelineFunction);
const stemEnglish = pipelineStemmer(lunr.stemmer);

const germanStopWords = new lunr.Pipeline();
germanStopWords.add(lunr.de.stopWordFilter as lunr.PipelineFunction);
const englishStopWords = new lunr.Pipeline();
englishStopWords.add(lunr.stopWordFilter);

/** Lunr's German list mixes old and new spelling ("daß" but "muss"); both spellings count. */
function germanSpellings(word: string): string[] {
  return [word, word.replace(/ss/g, "ß"), word.replace(/ß/g, "ss")];
}

export function isStopWord(word: string): boolean {
  return (
    germanSpellings(word).some((spelling) => germanStopWords.runString(spelling).length === 0) ||
    englishStopWords.runString(word).length === 0
  );
}

/** The index term of one word in one language: umlauts transliterated, stemmed, folded. */
export function termOf(word: string, language: AnalysisLanguage): string {
  const prepared = prepareWord(word);
  // The German stemmer knows umlauts and removes them itself; the English one gets the folded word.
  return dropUmlauts(language === "de" ? stemGerman(prepared) : stemEnglish(dropUmlauts(prepared)));
}

/** The terms of a text for indexing: stop words dropped, every other word stemmed in the field's language. */
export function analyzeText(text: string, language: AnalysisLanguage): string[] {
  return splitWords(text)
    .filter((word) => !isStopWord(word))
    .map((word) => termOf(word, language))
    .filter((term) => term.length > 0);
}
