# One image for both processes; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# npm run token | audit | demo in the container: the launcher runs dist as it is (no sources here to build from).
COPY --from=build /app/apps/cli/run.mjs ./apps/cli/run.mjs
USER node
CMD ["node", "dist/apps/api/src/main.js"]
