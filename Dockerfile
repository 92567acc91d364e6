# Rota, production image: the bundle of `npm run build` on Node 20 (Debian bookworm).
# Written for `docker build -t rota .` and deploy/compose.yaml; see "Deploying with Docker"
# in README.md.
#
# Build stage: the C++ toolchain compiles the embedded SQLite driver (better-sqlite3), the
# type check and the bundle run, then the development packages are dropped.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# Run stage: the bundle, the production packages (compiled above for this same base image),
# the templates and the static files. No sources, no compiler.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    ROTA_DEMO=false \
    ROTA_SQLITE_PATH=/app/data/rota.sqlite \
    ROTA_UPLOAD_DIR=/app/data/uploads
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/views ./views
COPY --from=build /app/public ./public
# /app/data: the SQLite file and upload previews when no DATABASE_URL is given (mount a volume).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/login').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The server migrates the database at start; `node dist/cli.js <command>` is `wfm`.
CMD ["node", "dist/start.js"]
