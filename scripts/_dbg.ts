import { constraintsIn } from "../src/core/finder/constraints.js";
import { Lexicon, messageWords } from "../src/core/lexicon.js";
const t = process.argv[2]!;
console.log(messageWords(t), constraintsIn(t));
const M = new Lexicon("methode, methoden, format, formate, formats, verfahren, ansatz, ansatze, instrument, werkzeug, method, methods, approach, approaches, tool, tools, technique, methodenfinder, method finder");
console.log(M.positionsIn(messageWords(t)));
