# syntax=docker/dockerfile:1
# Production image: `next build` with output "standalone", served by scripts/serve.mjs (`npm start`).
#   docker build -t qoldau .                           the app (final stage)
#   docker build --target migrate -t qoldau-migrate .  npm run db:migrate, for the release step
# Note: not built on the development machine (it has no Docker); the standalone build this copies was
# built and served there with `NEXT_OUTPUT=standalone next build` and `node scripts/serve.mjs` in the copy.

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN NEXT_OUTPUT=standalone npx next build

# Migrations need the sources and the dev tools (tsx, drizzle); the app image does not.
FROM build AS migrate
ENV NODE_ENV=production
CMD ["npx", "tsx", "lib/cli/migrate.ts"]

FROM node:20-slim AS app
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
COPY --from=build --chown=node:node /app/scripts/serve.mjs /app/scripts/page-cache.mjs /app/scripts/scriptless.mjs /app/scripts/hold-response.mjs /app/scripts/cross-site.mjs /app/scripts/direct-routes.mjs /app/scripts/security-headers.cjs ./scripts/
COPY --from=build --chown=node:node /app/assets ./assets
# Only used without DATABASE_URL (embedded PGlite); mount a volume here to keep that data.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Ready when the database answers (GET /api/health; 503 when not). One web process per core (WEB_CONCURRENCY) and one
# job process at nice 10 (JOBS=off: none).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
