import type { Language } from "./types.js";

/** What a problem's message may refer to; each code uses the few it needs. */
export interface ProblemParams {
  field?: string;
  value?: string;
  suggestion?: string | undefined;
  allowed?: readonly string[];
  expected?: ExpectedType;
  heading?: string;
  language?: Language;
  block?: string;
  id?: string;
  kind?: string;
  actual?: string | number;
  folder?: string;
  otherFile?: string;
  minimum?: number;
  maximum?: number;
  count?: number;
}

export type ExpectedType = "text" | "number" | "integer" | "list" | "boolean" | "object" | "localized";

type Render = (p: ProblemParams) => string;

const de = {
  q: (text: string | number | undefined) => `„${text ?? ""}“`,
  code: (text: string | number | undefined) => `\`${text ?? ""}\``,
  list: (items: readonly string[] | undefined) => (items ?? []).join(", "),
};
const en = {
  q: (text: string | number | undefined) => `"${text ?? ""}"`,
  code: de.code,
  list: de.list,
};

const EXPECTED: Record<Language, Record<ExpectedType, string>> = {
  de: {
    text: "ein Text",
    number: "eine Zahl",
    integer: "eine ganze Zahl",
    list: "eine Liste (`[a, b]` oder Zeilen mit `- `)",
    boolean: "`true` oder `false`",
    object: "ein Block mit Unterfeldern",
    localized: "ein Block mit `de:` und `en:`",
  },
  en: {
    text: "a text",
    number: "a number",
    integer: "a whole number",
    list: "a list (`[a, b]` or lines starting with `- `)",
    boolean: "`true` or `false`",
    object: "a block of sub-fields",
    localized: "a block with `de:` and `en:`",
  },
};

const BLOCKS: Record<Language, Record<string, string>> = {
  de: { code: "Ein Codeblock", table: "Eine Tabelle", blockquote: "Ein Zitatblock", hr: "Eine Trennlinie" },
  en: { code: "A code block", table: "A table", blockquote: "A block quote", hr: "A horizontal rule" },
};

const PART: Record<Language, Record<Language, string>> = {
  de: { de: "deutschen", en: "englischen" },
  en: { de: "German", en: "English" },
};

/** „ – meinten Sie …?“ when there is a likely intended spelling, else `otherwise`. */
const didYouMean = {
  de: (s: string | undefined, quote: (t: string) => string, otherwise = "") =>
    s ? ` – meinten Sie ${quote(s)}?` : otherwise,
  en: (s: string | undefined, quote: (t: string) => string, otherwise = "") =>
    s ? ` – did you mean ${quote(s)}?` : otherwise,
};

const yaml = { de: "YAML-Fehler: ", en: "YAML error: " };

const TEXTS = {
  yamlUnclosedBracket: {
    de: () => `${yaml.de}Eine Klammer \`[\` oder \`{\` wird nicht geschlossen.`,
    en: () => `${yaml.en}a bracket \`[\` or \`{\` is never closed.`,
  },
  yamlMissingComma: {
    de: () => `${yaml.de}Zwischen zwei Einträgen in \`[…]\` oder \`{…}\` fehlt ein Komma.`,
    en: () => `${yaml.en}a comma is missing between two items in \`[…]\` or \`{…}\`.`,
  },
  yamlIndentation: {
    de: () =>
      `${yaml.de}Die Einrückung passt nicht zu den Zeilen davor – Felder derselben Ebene beginnen in derselben Spalte.`,
    en: () =>
      `${yaml.en}the indentation does not fit the lines above – fields of one level start in the same column.`,
  },
  yamlDuplicateKey: {
    de: (p) => `${yaml.de}Das Feld ${de.code(p.field)} steht zweimal – eines entfernen.`,
    en: (p) => `${yaml.en}the field ${en.code(p.field)} appears twice – remove one.`,
  },
  yamlUnclosedQuote: {
    de: () => `${yaml.de}Ein Anführungszeichen wird nicht geschlossen.`,
    en: () => `${yaml.en}a quotation mark is never closed.`,
  },
  yamlColon: {
    de: () =>
      `${yaml.de}Ein Text, der „: “ enthält, muss in Anführungszeichen stehen – oder vor dem \`:\` fehlt der Feldname.`,
    en: () =>
      `${yaml.en}a text containing ": " must be in quotation marks – or the field name before \`:\` is missing.`,
  },
  yamlSpecialCharacter: {
    de: () =>
      `${yaml.de}Ein Text, der mit \`*\`, \`&\`, \`!\`, \`@\`, \`%\` oder \`\`\` beginnt, muss in Anführungszeichen stehen.`,
    en: () =>
      `${yaml.en}a text starting with \`*\`, \`&\`, \`!\`, \`@\`, \`%\` or \`\`\` must be in quotation marks.`,
  },
  yamlTab: {
    de: () => `${yaml.de}Tabulatoren sind nicht erlaubt – mit Leerzeichen einrücken.`,
    en: () => `${yaml.en}tabs are not allowed – indent with spaces.`,
  },
  yamlStructure: {
    de: () =>
      `${yaml.de}Die Zeile passt nicht in die Struktur – meist fehlt ein \`:\` nach dem Feldnamen, ein \`- \` steht ohne Feld darüber oder die Einrückung stimmt nicht.`,
    en: () =>
      `${yaml.en}the line does not fit the structure – usually a \`:\` after the field name is missing, a \`- \` has no field above it, or the indentation is off.`,
  },
  yamlOther: {
    de: () =>
      `${yaml.de}Die Zeile ist kein gültiges YAML – Doppelpunkte, Klammern, Anführungszeichen und Einrückung prüfen.`,
    en: () =>
      `${yaml.en}the line is not valid YAML – check colons, brackets, quotation marks and indentation.`,
  },
  noFrontMatter: {
    de: () =>
      "Kein Front-Matter: Die Datei muss mit einer Zeile `---` beginnen, dann folgen die Felder und wieder eine Zeile `---`.",
    en: () =>
      "No front matter: the file must start with a line `---`, then the fields and another line `---`.",
  },
  missingField: {
    de: (p) =>
      `Pflichtfeld ${de.code(p.field)} fehlt${p.allowed ? ` (erlaubt: ${de.list(p.allowed)})` : ""}.`,
    en: (p) =>
      `Required field ${en.code(p.field)} is missing${p.allowed ? ` (allowed: ${en.list(p.allowed)})` : ""}.`,
  },
  unknownField: {
    de: (p) =>
      `Feld ${de.code(p.field)} unbekannt${didYouMean.de(p.suggestion, de.code, ` – erlaubt: ${de.list(p.allowed)}`)}`,
    en: (p) =>
      `Unknown field ${en.code(p.field)}${didYouMean.en(p.suggestion, en.code, ` – allowed: ${en.list(p.allowed)}`)}`,
  },
  notAllowedValue: {
    de: (p) =>
      `${de.code(p.field)}: ${de.q(p.value)} ist nicht erlaubt${didYouMean.de(p.suggestion, de.q, ".")} Erlaubt: ${de.list(p.allowed)}.`,
    en: (p) =>
      `${en.code(p.field)}: ${en.q(p.value)} is not allowed${didYouMean.en(p.suggestion, en.q, ".")} Allowed: ${en.list(p.allowed)}.`,
  },
  wrongType: {
    de: (p) => `${de.code(p.field)} muss ${EXPECTED.de[p.expected ?? "text"]} sein.`,
    en: (p) => `${en.code(p.field)} must be ${EXPECTED.en[p.expected ?? "text"]}.`,
  },
  emptyText: {
    de: (p) => `${de.code(p.field)} darf nicht leer sein.`,
    en: (p) => `${en.code(p.field)} must not be empty.`,
  },
  tooFewItems: {
    de: (p) =>
      `${de.code(p.field)} braucht mindestens ${p.minimum ?? 1} ${p.minimum === 1 ? "Eintrag" : "Einträge"}.`,
    en: (p) => `${en.code(p.field)} needs at least ${p.minimum ?? 1} ${p.minimum === 1 ? "item" : "items"}.`,
  },
  tooLong: {
    de: (p) =>
      `${de.code(p.field)} ist ${p.actual ?? "?"} Zeichen lang, erlaubt sind höchstens ${p.maximum ?? "?"} – bitte kürzen.`,
    en: (p) =>
      `${en.code(p.field)} is ${p.actual ?? "?"} characters long, at most ${p.maximum ?? "?"} are allowed – please shorten it.`,
  },
  notPositive: {
    de: (p) => `${de.code(p.field)} muss eine ganze Zahl größer als 0 sein.`,
    en: (p) => `${en.code(p.field)} must be a whole number above 0.`,
  },
  invalidUrl: {
    de: (p) =>
      `${de.code(p.field)} ist keine gültige Adresse – sie beginnt mit \`https://\` oder \`http://\`.`,
    en: (p) => `${en.code(p.field)} is not a valid address – it starts with \`https://\` or \`http://\`.`,
  },
  idFormat: {
    de: () =>
      "`id` darf nur Kleinbuchstaben a–z, Ziffern und `-` enthalten (keine Umlaute, kein ß, keine Leerzeichen).",
    en: () => "`id` may only contain lower-case letters a–z, digits and `-` (no umlauts, no ß, no spaces).",
  },
  checkedFormat: {
    de: () => "`checked` muss ein Monat in der Form JJJJ-MM sein, z. B. `checked: 2026-12`.",
    en: () => "`checked` must be a month written YYYY-MM, e.g. `checked: 2026-12`.",
  },
  checkedFuture: {
    de: (p) =>
      `\`checked: ${p.value ?? ""}\` liegt in der Zukunft – den Monat eintragen, in dem geprüft wurde.`,
    en: (p) => `\`checked: ${p.value ?? ""}\` lies in the future – give the month the entry was checked in.`,
  },
  unchecked: {
    de: () => "nie gegen die Quellen geprüft – `checked: JJJJ-MM` ergänzen, sobald geprüft",
    en: () => "never checked against its sources – add `checked: YYYY-MM` once checked",
  },
  participantsRange: {
    de: () => "`participants`: `max` ist kleiner als `min`.",
    en: () => "`participants`: `max` is below `min`.",
  },
  legalBasisRequired: {
    de: () =>
      '`legalBasis` fehlt: Bei `formal: true` ist die Rechtsgrundlage Pflicht, z. B. `legalBasis: "§ 3 BauGB"`.',
    en: () =>
      '`legalBasis` is missing: with `formal: true` the legal basis is required, e.g. `legalBasis: "§ 3 BauGB"`.',
  },
  legalBasisOnlyFormal: {
    de: () => "`legalBasis` ist nur bei `formal: true` erlaubt – entfernen oder `formal: true` setzen.",
    en: () => "`legalBasis` is only allowed with `formal: true` – remove it or set `formal: true`.",
  },
  idMismatch: {
    de: (p) =>
      `\`id: ${p.id ?? ""}\` passt nicht zum Dateinamen – \`id: ${p.value ?? ""}\` schreiben oder die Datei umbenennen.`,
    en: (p) =>
      `\`id: ${p.id ?? ""}\` does not match the file name – write \`id: ${p.value ?? ""}\` or rename the file.`,
  },
  wrongFolder: {
    de: (p) => `Einträge mit \`kind: ${p.kind ?? ""}\` gehören in den Ordner \`${p.folder ?? ""}/\`.`,
    en: (p) => `Entries of \`kind: ${p.kind ?? ""}\` belong in the folder \`${p.folder ?? ""}/\`.`,
  },
  unknownLanguageHeading: {
    de: (p) =>
      `Überschrift ${de.q(`# ${p.heading ?? ""}`)} unbekannt${didYouMean.de(p.suggestion, (s) => de.q(`# ${s}`), " – die Sprachteile heißen „# Deutsch“ und „# English“")}`,
    en: (p) =>
      `Unknown heading ${en.q(`# ${p.heading ?? ""}`)}${didYouMean.en(p.suggestion, (s) => en.q(`# ${s}`), ' – the language parts are "# Deutsch" and "# English"')}`,
  },
  missingLanguage: {
    de: (p) => `Der Sprachteil ${de.q(`# ${p.heading ?? ""}`)} fehlt.`,
    en: (p) => `The language part ${en.q(`# ${p.heading ?? ""}`)} is missing.`,
  },
  unknownSection: {
    de: (p) =>
      `Abschnitt ${de.q(p.heading)} unbekannt${didYouMean.de(p.suggestion, de.q, " – die erlaubten Überschriften stehen in knowledge/README.md")}`,
    en: (p) =>
      `Unknown section ${en.q(p.heading)}${didYouMean.en(p.suggestion, en.q, " – the allowed headings are listed in knowledge/README.md")}`,
  },
  sectionOfOtherLanguage: {
    de: (p) =>
      `Abschnitt ${de.q(p.heading)} steht im ${PART.de[p.language ?? "de"]} Teil – dort heißt er ${de.q(p.suggestion)}.`,
    en: (p) =>
      `Section ${en.q(p.heading)} is in the ${PART.en[p.language ?? "en"]} part – there it is called ${en.q(p.suggestion)}.`,
  },
  duplicateSection: {
    de: (p) => `Abschnitt ${de.q(p.heading)} steht zweimal – die beiden zusammenführen.`,
    en: (p) => `Section ${en.q(p.heading)} appears twice – merge the two.`,
  },
  headingNotAllowed: {
    de: (p) =>
      `Überschrift ${de.q(p.heading)} ist hier nicht erlaubt – Sprachteile beginnen mit \`# \`, Abschnitte mit \`## \`, weitere Überschriften gibt es nicht.`,
    en: (p) =>
      `Heading ${en.q(p.heading)} is not allowed here – language parts start with \`# \`, sections with \`## \`, there are no other headings.`,
  },
  textOutsideSection: {
    de: () =>
      "Text außerhalb eines Abschnitts – er gehört unter eine Abschnittsüberschrift (`## …`) eines Sprachteils.",
    en: () => "Text outside a section – it belongs under a section heading (`## …`) of a language part.",
  },
  blockNotAllowed: {
    de: (p) =>
      `${BLOCKS.de[p.block ?? ""] ?? "Dieses Element"} ist in Abschnitten nicht erlaubt – nur Absätze und Listen.`,
    en: (p) =>
      `${BLOCKS.en[p.block ?? ""] ?? "This element"} is not allowed in sections – paragraphs and lists only.`,
  },
  emptySection: {
    de: (p) => `Abschnitt ${de.q(p.heading)} ist leer.`,
    en: (p) => `Section ${en.q(p.heading)} is empty.`,
  },
  missingSection: {
    de: (p) =>
      `Pflichtabschnitt ${de.q(`## ${p.heading ?? ""}`)} fehlt im ${PART.de[p.language ?? "de"]} Teil.`,
    en: (p) =>
      `Required section ${en.q(`## ${p.heading ?? ""}`)} is missing in the ${PART.en[p.language ?? "en"]} part.`,
  },
  duplicateId: {
    de: (p) => `\`id: ${p.id ?? ""}\` wird auch in ${p.otherFile ?? ""} verwendet – jede id nur einmal.`,
    en: (p) => `\`id: ${p.id ?? ""}\` is also used in ${p.otherFile ?? ""} – each id only once.`,
  },
  relatedUnknown: {
    de: (p) =>
      `\`related\`: einen Eintrag ${de.code(p.id)} gibt es nicht${didYouMean.de(p.suggestion, de.code)}`,
    en: (p) => `\`related\`: there is no entry ${en.code(p.id)}${didYouMean.en(p.suggestion, en.code)}`,
  },
  relatedSelf: {
    de: () => "`related`: Ein Eintrag kann nicht auf sich selbst verweisen.",
    en: () => "`related`: an entry cannot relate to itself.",
  },
  nameShared: {
    de: (p) =>
      `Der Name ${de.q(p.value)} ist auch Titel oder Alias von ${de.code(p.id)} (${p.otherFile ?? ""}) – ein Name muss zu genau einem Eintrag führen.`,
    en: (p) =>
      `The name ${en.q(p.value)} is also a title or alias of ${en.code(p.id)} (${p.otherFile ?? ""}) – a name must lead to one entry only.`,
  },
  requiredMissing: {
    de: (p) => `Pflichteintrag ${de.code(p.id)} (\`kind: ${p.kind ?? ""}\`) fehlt.`,
    en: (p) => `Required entry ${en.code(p.id)} (\`kind: ${p.kind ?? ""}\`) is missing.`,
  },
  requiredWrongKind: {
    de: (p) => `${de.code(p.id)} muss \`kind: ${p.kind ?? ""}\` haben, nicht \`${p.actual ?? ""}\`.`,
    en: (p) => `${en.code(p.id)} must have \`kind: ${p.kind ?? ""}\`, not \`${p.actual ?? ""}\`.`,
  },
  tooFewRecommendations: {
    de: (p) =>
      `Thema ${de.code(p.id)} hat ${p.count ?? 0} Empfehlungen, verlangt sind mindestens ${p.minimum ?? 0}.`,
    en: (p) =>
      `Topic ${en.code(p.id)} has ${p.count ?? 0} recommendations, at least ${p.minimum ?? 0} are required.`,
  },
  invalidJson: {
    de: () => "Kein gültiges JSON – Kommas, Anführungszeichen und Klammern prüfen.",
    en: () => "Not valid JSON – check commas, quotation marks and brackets.",
  },
  invalidValue: {
    de: (p) => `${de.code(p.field)} hat einen ungültigen Wert.`,
    en: (p) => `${en.code(p.field)} has an invalid value.`,
  },
} satisfies Record<string, Record<Language, Render>>;

export type ProblemCode = keyof typeof TEXTS;

/** The sentence for a problem in the editor's language. */
export function problemText(code: ProblemCode, params: ProblemParams, language: Language): string {
  const texts: Record<Language, Render> = TEXTS[code];
  return texts[language](params);
}
