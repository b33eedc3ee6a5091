import { editDistance, withinOneEdit } from "../src/search/edit-distance.js";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../src/knowledge/knowledge-base.js";
import type { Synonyms } from "../src/knowledge/synonyms.js";
import { nameForm } from "../src/search/names.js";
import { personNounBase } from "../src/search/person-nouns.js";
import { properNameTerms } from "../src/search/proper-names.js";
import { DEFAULT_THRESHOLDS, Retriever, type Retrieval } from "../src/search/retriever.js";
import { KNOWLEDGE_DIR, entry } from "./helpers.js";

/** An entry no question is about, so that the words of the entry under test are not in every entry. */
const UNRELATED = entry("anderes", { title: { de: "Anderes", en: "Other" } });

/** A thesaurus with German words only. */
function germanThesaurus(table: Record<string, string[]>): Synonyms {
  return { de: new Map(Object.entries(table)), en: new Map() };
}

function best(retrieval: Retrieval): string | undefined {
  return retrieval.outcome === "answer" ? retrieval.best.id : undefined;
}

describe("retrieval over the shipped knowledge base", () => {
  let retriever: Retriever;
  beforeAll(async () => {
    const { knowledge } = await loadKnowledgeBase(KNOWLEDGE_DIR);
    retriever = new Retriever(knowledge.entries, DEFAULT_THRESHOLDS, knowledge.synonyms);
  });

  it.each([
    "title:Bürgerrat",
    "Bürgerrat~2",
    "Bürgerrat^10",
    "+Bürgerrat -Planungszelle",
    "Bürger*",
    '"Bürgerrat',
    "::~~^^--++**",
    "😀🙈",
    "",
    "   ",
    "x".repeat(10_000),
    "Bürgerrat ".repeat(1_000),
  ])("never throws on %j", (text) => {
    expect(() => retriever.retrieve(text)).not.toThrow();
  });

  it("finds the same entry for Bürgerrat, Buergerrat and Burgerrat", () => {
    for (const spelling of ["Bürgerrat", "Buergerrat", "Burgerrat", "Was ist ein Buergerrat?"]) {
      expect(best(retriever.retrieve(spelling)), spelling).toBe("buergerrat");
    }
  });

  it("matches singular and plural", () => {
    expect(best(retriever.retrieve("Planungszelle"))).toBe("planungszelle");
    expect(best(retriever.retrieve("Planungszellen"))).toBe("planungszelle");
    expect(best(retriever.retrieve("Bürgerräte"))).toBe("buergerrat");
  });

  it("finds entries from English questions", () => {
    expect(best(retriever.retrieve("what is a citizens' assembly"))).toBe("buergerrat");
    expect(best(retriever.retrieve("participatory budgeting"))).toBe("buergerhaushalt");
    expect(best(retriever.retrieve("How does a future workshop work?"))).toBe("zukunftswerkstatt");
  });

  it("tolerates one typo in a longer word", () => {
    expect(best(retriever.retrieve("Zukunftswerkstat"))).toBe("zukunftswerkstatt");
    expect(best(retriever.retrieve("Konsensuskonferenc"))).toBe("konsensuskonferenz");
  });

  it("counts two swapped neighbouring letters as one typo, not two", () => {
    for (const [text, id] of [
      ["Was ist ein Bürgerrta?", "buergerrat"],
      ["Bürgerart", "buergerrat"],
      ["Planugnszelle Ablauf", "planungszelle"],
      ["Zuknuftswerkstatt", "zukunftswerkstatt"],
    ] as const) {
      expect(best(retriever.retrieve(text)), text).toBe(id);
    }
    expect(withinOneEdit("burgerrta", "burgerrat")).toBe(true);
    // Still one edit after the first letter: swapping the first two is not forgiven, two swaps are two edits.
    expect(withinOneEdit("ubrgerrat", "burgerrat")).toBe(false);
    expect(withinOneEdit("burgrerta", "burgerrat")).toBe(false);
    // The fast check agrees with the full distance wherever the first letters agree.
    const words = ["burgerrat", "burgerrta", "burgerat", "burgerratt", "burgrat", "burgerart", "bugrerrat"];
    for (const a of words)
      for (const b of words) expect(withinOneEdit(a, b), `${a} ${b}`).toBe(editDistance(a, b) <= 1);
  });

  it("finds a compound from one of its parts", () => {
    expect(best(retriever.retrieve("Haushalt"))).toBe("buergerhaushalt");
  });

  it("declines what is outside its knowledge", () => {
    for (const text of [
      "Wie wird das Wetter morgen?",
      "Wie beantrage ich einen Reisepass?",
      "asdf jklö qwertz",
      "Rezept für Apfelkuchen",
    ]) {
      expect(retriever.retrieve(text).outcome, text).toBe("decline");
    }
  });

  it("reports an empty query as empty, not as a random entry", () => {
    expect(retriever.retrieve("Was ist das?").outcome).toBe("empty");
    expect(retriever.retrieve("").outcome).toBe("empty");
  });
});

describe("retrieval principles on a small knowledge base", () => {
  it("ranks a match in the title above the summary above the body", () => {
    const retriever = new Retriever([
      entry("im-text", { body: "Hier geht es auch um Zeitbudget und anderes." }),
      entry("in-zusammenfassung", { summary: { de: "Das Zeitbudget in Kürze.", en: "In short." } }),
      entry("im-titel", { title: { de: "Zeitbudget", en: "Time budget" } }),
    ]);
    const { candidates } = retriever.rank("Zeitbudget");
    expect(candidates.map((candidate) => candidate.id)).toEqual([
      "im-titel",
      "in-zusammenfassung",
      "im-text",
    ]);
  });

  it("reads only unknown words as typos, and ranks the nearest name first", () => {
    const retriever = new Retriever([
      entry("aehnlich", { title: { de: "Quartiersfarum", en: "x" } }),
      entry("genau", { title: { de: "Quartiersforum", en: "y" } }),
    ]);
    // A word one entry uses is that word, not a typo of the other's.
    expect(retriever.rank("Quartiersforum").candidates.map((candidate) => candidate.id)).toEqual(["genau"]);
    // An unknown word is one edit from both names.
    const typo = retriever.rank("Quartiersfurum").candidates;
    expect(typo.map((candidate) => candidate.id).sort()).toEqual(["aehnlich", "genau"]);
    expect(best(retriever.retrieve("Quartiersforun"))).toBe("genau");
  });

  it("forgives a typo in a name, not in running text", () => {
    const retriever = new Retriever([
      entry("verfahren", {
        title: { de: "Planfeststellung", en: "Plan approval" },
        body: "Unterlagen ohne Passwort.",
      }),
    ]);
    expect(best(retriever.retrieve("Planfeststelung"))).toBe("verfahren");
    expect(retriever.retrieve("passport").outcome).toBe("decline");
  });

  it("does not read a word the entries use as a typo of another", () => {
    const retriever = new Retriever([
      entry("beitrag", { title: { de: "Beitrag", en: "Contribution" } }),
      entry("betrag", { title: { de: "Kosten", en: "Costs" }, body: "Der Betrag steht fest." }),
    ]);
    const found = retriever.rank("Betrag").candidates.map((candidate) => candidate.id);
    expect(found).toEqual(["betrag"]);
    expect(best(retriever.retrieve("Beitrog"))).toBe("beitrag");
  });

  it("takes a name that one entry's body mentions as pointing to that entry", () => {
    const retriever = new Retriever([
      entry("leitlinien", {
        title: { de: "Leitlinien", en: "Guidelines" },
        body:
          "Der Rat in Detmold beschloss verbindliche Leitlinien für die Beteiligung der Einwohnerschaft. " +
          "Danach folgte ein Umzug des zuständigen Büros in ein anderes Gebäude der Stadtverwaltung.",
        bodyEn:
          "The council in Detmold adopted binding guidelines for involving residents. Afterwards the " +
          "responsible office moved to another building of the city administration.",
      }),
      entry("anderes", { title: { de: "Vorhabenliste", en: "List of projects" } }),
    ]);
    expect(best(retriever.retrieve("Detmold"))).toBe("leitlinien");
    // A German noun is capitalised everywhere; only the English text tells a name apart.
    expect(retriever.retrieve("Umzug").outcome).toBe("decline");
  });

  it("takes rare details a question shares with one entry's body as pointing to it, within its subject", () => {
    const retriever = new Retriever([
      entry("konferenz", {
        title: { de: "Zukunftskonferenz", en: "Future search" },
        summary: { de: "Eine Großgruppe plant gemeinsam ihre Zukunft.", en: "A large group plans." },
        body:
          "Eine Steuerungsgruppe lädt die Akteure ein. Im Plenum entsteht eine Mindmap der Trends. " +
          "Danach arbeiten alle in Tischgruppen weiter, bis der gemeinsame Nenner feststeht.",
      }),
      entry("beirat", {
        title: { de: "Beirat", en: "Advisory board" },
        summary: { de: "Ein gewähltes Gremium berät den Rat.", en: "An elected board advises." },
        body:
          "In Hessen wird der Beirat am Tag der Kommunalwahl gewählt. Er tagt öffentlich und gibt " +
          "Stellungnahmen zu Vorlagen ab, die seine Gruppe betreffen.",
      }),
      // Words of the subject are common: more entries than the rare details use them.
      ...["eins", "zwei", "drei"].map((id) =>
        entry(id, { summary: { de: "Eine Großgruppe plant, ein Gremium berät.", en: "A summary." } }),
      ),
    ]);
    const question = "Steuerungsgruppe, Mindmap, Tischgruppen: wie plant die Großgruppe?";
    expect(best(retriever.retrieve(question))).toBe("konferenz");
    // One detail alone is chance; without a word of the entry's subject, details are about something else.
    expect(retriever.retrieve("Steuerungsgruppe: wie plant die Großgruppe?").outcome).toBe("decline");
    expect(retriever.retrieve("Wann ist die Kommunalwahl in Hessen?").outcome).toBe("decline");
  });

  it("finds a separable verb written with zu or as a participle", () => {
    const retriever = new Retriever([
      entry("los", { title: { de: "Losverfahren", en: "Lottery" }, body: "Wir auslosen die Teilnehmenden." }),
      entry("einladung", { title: { de: "Einladung", en: "Invitation" }, body: "Alle einladen." }),
    ]);
    expect(retriever.rank("auszulosen").candidates[0]?.id).toBe("los");
    expect(retriever.rank("ausgelost").candidates[0]?.id).toBe("los");
    expect(retriever.rank("ausgelostes Gremium").candidates[0]?.id).toBe("los");
    expect(retriever.rank("einzuladen").candidates[0]?.id).toBe("einladung");
    // Nouns that only look like a participle stay what they are.
    expect(retriever.rank("Angebot").candidates).toEqual([]);
  });

  it("puts a separable verb split across the clause back together", () => {
    const retriever = new Retriever([
      entry("regeln", { title: { de: "Regeln", en: "Rules" }, body: "Die Stadt will Regeln festlegen." }),
      entry("auswertung", { title: { de: "Auswertung", en: "Analysis" }, body: "Beiträge auswerten." }),
      entry("legen", { title: { de: "Legen", en: "Laying" }, body: "Steine legen." }),
    ]);
    expect(retriever.rank("Wie legen wir die Regeln fest?").tokens.map((token) => token.word)).toEqual([
      "festlegen",
      "regeln",
    ]);
    expect(retriever.rank("Wie werten wir das aus?").candidates[0]?.id).toBe("auswertung");
    // The particle must end the clause; otherwise it is a preposition and the verb stays as written.
    expect(retriever.rank("Wir legen fest Steine").tokens.map((token) => token.word)).toContain("legen");
  });

  it("does not forgive typos in short words", () => {
    const retriever = new Retriever([entry("rat", { title: { de: "Rat", en: "council" } })]);
    expect(retriever.retrieve("Bad").outcome).not.toBe("answer");
  });

  it("finds the parts of a compound query", () => {
    const retriever = new Retriever([
      entry("verfahren", { title: { de: "Verfahren", en: "Procedures" } }),
      entry("beteiligung", { title: { de: "Beteiligung", en: "Participation" } }),
      UNRELATED,
    ]);
    const found = retriever.rank("Beteiligungsverfahren").candidates.map((candidate) => candidate.id);
    expect(found.sort()).toEqual(["beteiligung", "verfahren"]);
  });

  it("asks back when two entries fit equally well", () => {
    const retriever = new Retriever([
      entry("stadt-a", { title: { de: "Stadtforum Nord", en: "City forum north" } }),
      entry("stadt-b", { title: { de: "Stadtforum Süd", en: "City forum south" } }),
      UNRELATED,
    ]);
    const retrieval = retriever.retrieve("Stadtforum");
    expect(retrieval.outcome).toBe("clarify");
    if (retrieval.outcome === "clarify") {
      expect(retrieval.choices.map((choice) => choice.id).sort()).toEqual(["stadt-a", "stadt-b"]);
    }
  });

  it("answers directly when the question names an entry", () => {
    const retriever = new Retriever([
      entry("stadt-a", { title: { de: "Stadtforum Nord", en: "City forum north" } }),
      entry("stadt-b", { title: { de: "Stadtforum Süd", en: "City forum south" } }),
    ]);
    expect(best(retriever.retrieve("Stadtforum Nord"))).toBe("stadt-a");
  });

  it("finds an entry by a word users type for the word it uses", () => {
    const entries = [
      entry("budget", { title: { de: "Budget planen", en: "Planning the budget" } }),
      UNRELATED,
    ];
    const synonyms = germanThesaurus({ etat: ["Budget"] });
    expect(new Retriever(entries).retrieve("Etat").outcome).not.toBe("answer");
    const withSynonyms = new Retriever(entries, DEFAULT_THRESHOLDS, synonyms);
    expect(best(withSynonyms.retrieve("Etat"))).toBe("budget");
    expect(best(withSynonyms.retrieve("Etat planen"))).toBe("budget");
  });

  it("puts a separable verb back together when the thesaurus knows the whole verb", () => {
    const entries = [entry("schulung", { title: { de: "Schulung", en: "Training" } }), UNRELATED];
    const synonyms = germanThesaurus({ beibringen: ["Schulung"] });
    const retriever = new Retriever(entries, DEFAULT_THRESHOLDS, synonyms);
    const { tokens } = retriever.rank("Wie bringen wir es ihnen bei?");
    expect(tokens.map((token) => token.word)).toEqual(["beibringen"]);
    expect(best(retriever.retrieve("Wie bringen wir es ihnen bei?"))).toBe("schulung");
  });

  it("does not take a compound for its common half", () => {
    const retriever = new Retriever([
      entry("begehren", {
        title: { de: "Bürgerbegehren", en: "Citizens' initiative" },
        body: "Bürger beantragen.",
      }),
      entry("rat", { title: { de: "Bürgerrat", en: "Citizens' assembly" }, body: "Bürger beraten." }),
      entry("panel", { title: { de: "Bürgerpanel", en: "Citizens' panel" }, body: "Bürger antworten." }),
    ]);
    expect(retriever.retrieve("Bürgergeld beantragen").outcome).toBe("decline");
  });

  it("counts a word an entry's short text repeats above a passing mention in a long one", () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Füllwort${i}`).join(" ");
    const retriever = new Retriever([
      entry("nebenbei", { body: `${filler} Protokoll ${filler}` }),
      entry("thema", { body: "Das Protokoll: Protokoll führen, Protokoll veröffentlichen." }),
    ]);
    const [first, second] = retriever.rank("Protokoll").candidates;
    expect(first?.id).toBe("thema");
    expect(first?.confidence).toBeGreaterThan(second?.confidence ?? 1);
  });

  it("prefers a recommendation for advice and a concept for a definition", () => {
    const retriever = new Retriever([
      entry("begriff", { title: { de: "Vorhabenliste", en: "List of projects" } }),
      entry("empfehlung", {
        kind: "recommendation",
        topic: "beteiligungskultur",
        title: { de: "Vorhabenliste veröffentlichen", en: "Publish a list of projects" },
      }),
      ...["a", "b", "c", "d"].map((id) => entry(id)),
    ]);
    const first = (question: string) =>
      [...retriever.rank(question).candidates].sort(
        (a, b) => b.confidence - a.confidence || b.share - a.share,
      )[0]?.id;
    expect(first("Was ist eine Vorhabenliste im Netz?")).toBe("begriff");
    expect(first("Wie können wir eine Vorhabenliste im Netz veröffentlichen?")).toBe("empfehlung");
  });

  it("prefers a method when a question asks which format fits", () => {
    const summary = { de: "Ideen von Bürgern sammeln.", en: "Collecting ideas from residents." };
    const retriever = new Retriever([
      entry("methode", {
        kind: "method",
        title: { de: "Zukunftswerkstatt", en: "Future workshop" },
        summary,
      }),
      entry("begriff", { title: { de: "Ideenfindung", en: "Finding ideas" }, summary }),
      ...["a", "b", "c", "d"].map((id) => entry(id)),
    ]);
    const confidences = (question: string) =>
      Object.fromEntries(retriever.rank(question).candidates.map((c) => [c.id, c.confidence]));
    const plain = confidences("Ideen von Bürgern sammeln");
    expect(plain.methode).toBe(plain.begriff);
    const format = confidences("Welches Format passt, um Ideen von Bürgern zu sammeln?");
    expect(format.methode).toBeGreaterThan(format.begriff ?? 1);
  });

  it("does not count a name that shrinks to one common word as named", () => {
    const retriever = new Retriever([
      entry("info", {
        title: { de: "Informationsveranstaltung", en: "Information event" },
        aliases: { de: ["Info-Veranstaltung"], en: [] },
      }),
      entry("anderes", { title: { de: "Abendveranstaltung planen", en: "x" } }),
    ]);
    expect(retriever.entriesNamedInText("Wann ist die nächste Veranstaltung?").has("info")).toBe(false);
    expect(
      retriever.entriesNamedInText("Infoveranstaltung oder Informationsveranstaltung?").has("info"),
    ).toBe(true);
  });

  it("takes a name of everyday words as a name only when it is the whole question", () => {
    const retriever = new Retriever([
      entry("buch", {
        title: { de: "Das Buch", en: "The book" },
        aliases: { de: ["Bürger beteiligen"], en: [] },
      }),
      ...["a", "b", "c"].map((id) => entry(id, { body: "Wie Sie Bürger beteiligen." })),
    ]);
    expect(retriever.entryNamedBy("Bürger beteiligen!")).toBe("buch");
    expect(retriever.entriesNamedInText("Wie kann ich mehr Bürger beteiligen?").has("buch")).toBe(false);
  });

  it("takes a name that shrinks to one everyday word as a name only when it is the whole question", () => {
    const retriever = new Retriever([
      entry("lernen", {
        title: { de: "Lernen", en: "Learning" },
        aliases: { de: ["Was muss ich für Bürgerbeteiligung können"], en: [] },
      }),
      entry("moderation", {
        title: { de: "Bürgerbeteiligung", en: "Participation" },
        body: "Bürgerbeteiligung.",
      }),
      ...["a", "b", "c"].map((id) => entry(id, { body: "Bürgerbeteiligung im Alltag." })),
    ]);
    expect(retriever.entryNamedBy("Was muss ich für Bürgerbeteiligung können")).toBe("lernen");
    const named = retriever.entriesNamedInText("Was kostet Bürgerbeteiligung?");
    expect(named.has("lernen")).toBe(false);
    // A one-word name names its entry wherever it stands, however common the word.
    expect(named.has("moderation")).toBe(true);
  });

  it("finds a name made of stop words only as that exact phrase", () => {
    const retriever = new Retriever([
      entry("rueckmeldung", {
        title: { de: "Rückmeldung", en: "Reporting back" },
        aliases: { de: [], en: ["you said, we did"] },
      }),
      entry("other", { body: "We did what you said." }),
    ]);
    const retrieval = retriever.retrieve("What does 'you said, we did' mean?");
    expect(retrieval.outcome === "answer" && retrieval.best.id).toBe("rueckmeldung");
    expect(retriever.entriesNamedInText("so you said we did it").has("rueckmeldung")).toBe(true);
    // The same words in another order are no name, and a question of stop words alone stays empty.
    expect(retriever.retrieve("we did what you said").outcome).toBe("empty");
  });
});

describe("proper names", () => {
  it("are the words capitalised inside English sentences, in both languages' analysis", () => {
    const terms = properNameTerms("Councils in Detmold asked Involve, and Stiftung Mitarbeit helped.");
    expect(terms).toEqual(expect.arrayContaining(["detmold", "involv", "stiftung", "mitarbeit"]));
    expect(terms).not.toContain("council");
  });
});

describe("nouns for people", () => {
  it.each([
    ["kolleginnen", "kolleg"],
    ["kollegin", "kolleg"],
    ["bürgermeisterin", "bürgermeister"],
    ["expertinnen", "expert"],
    ["nachbarinnen", "nachbar"],
  ])("%s has the base %s", (word, base) => {
    expect(personNounBase(word)).toBe(base);
  });

  it.each(["termin", "benzin", "beginnen", "innen", "berlin"])("%s is no feminine form", (word) => {
    expect(personNounBase(word)).toBeUndefined();
  });

  it("finds entries written in one form by questions in the other", () => {
    const retriever = new Retriever([
      entry("austausch", { title: { de: "Austausch mit Kollegen", en: "Peer exchange" } }),
      UNRELATED,
    ]);
    for (const question of [
      "Austausch mit Kolleginnen",
      "Austausch mit Kolleg*innen",
      "Austausch mit KollegInnen",
    ])
      expect(best(retriever.retrieve(question)), question).toBe("austausch");
  });
});

describe("chat German", () => {
  it("drops the short articles and contractions of chat messages", () => {
    const retriever = new Retriever([entry("leitlinien", { title: { de: "Leitlinien", en: "Guidelines" } })]);
    const words = retriever.rank("gibts ne Übersicht fürs Mitreden?").tokens.map((token) => token.word);
    expect(words).toEqual(["übersicht", "mitreden"]);
  });

  it("drops auxiliaries and fillers, which would otherwise count as words the entries cannot explain", () => {
    const retriever = new Retriever([
      entry("zeitplan", { title: { de: "Realistischen Zeitplan setzen", en: "Set a realistic timetable" } }),
      UNRELATED,
    ]);
    const question = "Hätten wir den Zeitplan sowieso nochmal ziemlich komplett planen müssen?";
    expect(retriever.rank(question).tokens.map((token) => token.word)).toEqual(["zeitplan", "planen"]);
    expect(best(retriever.retrieve(question))).toBe("zeitplan");
  });
});

describe("name forms", () => {
  it.each([
    ["Planungszellen", "Planungszelle"],
    ["Bürgerräte", "Buergerrat"],
    ["citizens' assemblies", "citizens assembly"],
    ["publications", "publication"],
  ])("%s and %s are the same name", (a, b) => {
    const form = (text: string) =>
      text
        .split(/[^\p{L}]+/u)
        .filter(Boolean)
        .map(nameForm)
        .join(" ");
    expect(form(a)).toBe(form(b));
  });

  it("keeps a word apart from a longer one it starts with", () => {
    expect(nameForm("publication")).not.toBe(nameForm("public"));
  });
});
