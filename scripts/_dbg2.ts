import { constraintsIn, constraintPositions } from "../src/core/finder/constraints.js";
import { withoutPositions } from "../src/core/lexicon.js";
const t = process.argv[2]!;
console.log(constraintsIn(t), withoutPositions(t, constraintPositions(t)));
