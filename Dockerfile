# Node 24 LTS on Debian 13 (trixie), slim. To pin the base image, look up the digest of this tag on a
# machine with registry access – `docker buildx imagetools inspect node:24-trixie-slim` prints it as
# "Digest: sha256:…" – and write both stages' FROM as node:24-trixie-slim@sha256:<digest>.

# Build: compile TypeScript with all dependencies.
FROM node:24-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
RUN npm run build

# Run: production dependencies only, as the unprivileged node user.
FROM node:24-trixie-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The knowledge base the image answers from (KNOWLEDGE_DIR=knowledge, i.e. /app/knowledge). A different one
# can be mounted over it read-only, e.g. `-v /srv/knowledge:/app/knowledge:ro`; the running bot reads it
# again when it changes, and on SIGHUP.
COPY knowledge ./knowledge
USER node
EXPOSE 3978
# No curl in slim images: node asks /healthz. The start period covers loading the knowledge base.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form, without npm or a shell in between, so that SIGTERM from `docker stop` reaches node.
CMD ["node", "dist/src/main.js"]
