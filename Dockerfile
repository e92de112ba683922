# syntax=docker/dockerfile:1
# One image for every Hindsight process, chosen by command (all npm scripts):
#   npm run web         the web app (default)          npm run collab    the collaboration server
#   npm run db:migrate  apply migrations, then exit     npm run backup / restore / team:export / team:import
# Build: docker build -t hindsight .   (COLLAB_PORT is fixed at build: Next.js proxies /collab to it)

ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency, for the build. The postinstall step generates the Prisma client from the schema.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS build
ARG COLLAB_PORT=1234
ENV COLLAB_PORT=${COLLAB_PORT} NODE_ENV=production
COPY . .
RUN npm run build

# Runtime dependencies only; the generated Prisma client comes from the build stage.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runner
# pg_dump and pg_restore for `npm run backup` / `npm run restore` (PostgreSQL 15's; they read servers up to 15).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ARG COLLAB_PORT=1234
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 COLLAB_PORT=${COLLAB_PORT}
COPY --from=prod-deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/lib/generated ./lib/generated
# Next.js writes its runtime cache under .next; nothing else in /app is writable by the app.
COPY --from=build --chown=node:node /app/.next ./.next
# The unprivileged "node" user of the base image.
USER node
EXPOSE 3000
# No HEALTHCHECK here: the same image runs web, collab and one-shot commands, so each service
# names its own probe (compose.yaml): /api/health for web, /healthz for collab.
CMD ["npm", "run", "web"]
