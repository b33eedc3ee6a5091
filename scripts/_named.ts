import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
const config = loadConfig({ ...process.env, LOG_LEVEL: "error", REDIS_URL: "" });
const { retriever } = await createServices(config, createLogger("error", { stderr: true, pretty: false }), new MemoryStateStore({ ttlSeconds: 60 }));
for (const t of process.argv.slice(2)) console.log(t, "→", [...retriever.entriesNamedInText(t)], retriever.entryNamedBy(t));
