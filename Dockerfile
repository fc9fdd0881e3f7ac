# Image for both the API and the worker (docker-compose.yml picks the command).
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
# The postinstall hook runs `prisma generate`, which needs the schema and config before `npm ci`.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci
COPY . .
RUN npm run build

# Production dependencies only: PGlite, @temporalio/testing, jest and the lint tools are devDependencies.
FROM node:20.19-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma prisma
RUN npm ci --omit=dev

FROM node:20.19-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Every interface of the container: its own network is the boundary (the API and the worker default to 127.0.0.1).
ENV HOST=0.0.0.0
# prisma/ and prisma.config.ts stay for the one-shot `prisma migrate deploy` service.
COPY --from=build /app/package.json /app/prisma.config.ts ./
COPY --from=build /app/prisma prisma
COPY --from=deps /app/node_modules node_modules
# dist/ holds the compiled code, the workflow bundle the worker loads, and the healthcheck script.
COPY --from=build /app/dist dist
# Without SIGNING_P12 the API makes its self-signed test certificate under .data/ at the first start.
RUN mkdir -p .data && chown node:node .data
USER node
CMD ["node", "dist/apps/api/main.js"]
