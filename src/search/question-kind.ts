import type { EntryKind } from "../knowledge/types.js";

/**
 * What a question asks for, read from its phrasing: advice on what to do ("Wie erreichen wir …?", "Was
 * sollten wir tun?") is answered best by a recommendation; a question for a definition or a name ("Was ist
 * …?", "Wie nennt man …?") by a concept or a method, one for a format by a method. Anything else gives no hint.
 */
const ADVICE =
  /\b(wie (kann|können|könnte|kriegen|kriege|schaffen|bringen|vermeiden|vermeide|gehen|gehe|sollten|sollen|soll|stelle|stellen|erreiche|erreichen|formuliere|formulieren|bereite|bereiten|gewinne|gewinnen|überzeuge|überzeugen|zeige|zeigen|sorge|sorgen|verhindern|verhindere|binden|gelingt)|was (kann|können|sollte|sollten|soll|sollen|muss|müssen) (ich|wir|man)|was (raten|empfehlen) sie|worauf (muss|müssen|sollte|sollten)|lohnt (es )?sich|how (do|can|should|could) (we|i)|what should (we|i)|is it (ok|okay|worth|wise)|should (we|i))\b/iu;
const DEFINITION =
  /\b(was (ist|sind|bedeutet|heißt|versteht man)|wie (nennt|heißt) man|wofür steht|what (is|are|does|do you mean)|what's)\b/iu;

/** A question for a format ("Welches Format passt?", "which method fits?") is answered by a method. */
const METHOD_CHOICE =
  /\b(welches (format|verfahren|beteiligungsformat)|welche (methode|beteiligungsmethode)|which (format|method))\b/iu;

/** Entry kinds a question's phrasing favours, empty when it gives no hint. */
export function favouredKinds(question: string): ReadonlySet<EntryKind> {
  if (ADVICE.test(question)) return new Set(["recommendation"]);
  if (METHOD_CHOICE.test(question)) return new Set(["method"]);
  if (DEFINITION.test(question)) return new Set(["concept", "method"]);
  return new Set();
}
