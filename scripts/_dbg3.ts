import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { constraintsIn, constraintPositions } from "../src/core/finder/constraints.js";
import { withoutPositions } from "../src/core/lexicon.js";
import { detectFacet } from "../src/core/facets.js";
const config = loadConfig({ ...process.env, LOG_LEVEL: "error", REDIS_URL: "" });
const { retriever } = await createServices(config, createLogger("error", { stderr: true, pretty: false }), new MemoryStateStore({ ttlSeconds: 60 }));
for (const t of process.argv.slice(2)) {
  const rest = withoutPositions(t, constraintPositions(t));
  console.log(JSON.stringify(t), constraintsIn(t), "| rest:", rest, "| facet:", detectFacet(rest)?.facet, "| named:", [...retriever.entriesNamedInText(t)], "| retr:", retriever.retrieve(rest).outcome);
}
