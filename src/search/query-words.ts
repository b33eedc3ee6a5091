/**
 * Words that carry no topic in a chat question ("Erklären Sie mir bitte …", "tell me about …").
 * They are dropped from queries only; the index keeps its own stop word lists.
 */
export const QUESTION_WORDS = new Set(
  [
    // German
    "bitte", "danke", "mal", "kurz", "genau", "eigentlich", "überhaupt", "erklär", "erkläre", "erklären",
    "erklärung", "sag", "sage", "sagen", "zeig", "zeige", "zeigen", "gib", "gibt", "geben", "gebe", "wissen",
    "weißt", "möchte", "möchten", "würde", "gerne", "gern", "infos", "info",
    "mehr", "über", "dazu", "darüber", "bedeutet", "bedeutung", "heißt", "versteht", "verstehe", "man",
    "unter", "einer", "eines", "ich", "wir", "sie", "mir", "uns", "ihr", "meint", "meinen", "frage", "fragen",
    "hallo", "hi", "hey", "moin", "servus", "lotse", "beteiligungslotse", "definition", "definieren", "kannst",
    "können", "könnten", "funktioniert", "funktionieren", "wann", "warum", "wieso", "weshalb", "welche",
    "welcher", "welches", "wer", "wem", "wen", "woher", "wohin",
    // English
    "please", "thanks", "tell", "explain", "explanation", "describe", "show", "give", "know", "about", "what",
    "whats", "which", "who", "how", "does", "do", "mean", "means", "meaning", "define", "me", "us",
    "can", "could", "would", "you", "hello", "want", "like", "more", "work",
    "works", "is", "are", "the", "a", "an", "of", "on", "in", "it", "its", "exactly",
  ].map((word) => word.toLowerCase()),
);
