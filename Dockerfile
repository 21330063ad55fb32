# syntax=docker/dockerfile:1
# The Switchboard server (apps/server) with the visitor widget and the web workbench it serves.
# docs/deploy-server.md: docker build -t switchboard-server . && docker run -p 3000:3000 -v sb:/data switchboard-server

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
# The project's npm: it honours package.json allowScripts (no Electron download for the desktop app).
RUN npm install -g npm@11.19.1
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
WORKDIR /src
COPY package.json package-lock.json ./
COPY packages/protocol/package.json packages/protocol/
COPY apps/server/package.json apps/server/
COPY apps/widget/package.json apps/widget/
COPY apps/desktop/package.json apps/desktop/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json turbo.json ./
COPY packages/protocol packages/protocol
COPY apps/server apps/server
COPY apps/widget apps/widget
COPY apps/desktop apps/desktop
RUN npx turbo run build --filter=@switchboard/server --filter=@switchboard/widget \
  && npm run build:web -w @switchboard/desktop \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    SWITCHBOARD_HOST=0.0.0.0 \
    SWITCHBOARD_PORT=3000 \
    SWITCHBOARD_DATA_DIR=/data \
    SWITCHBOARD_WORKBENCH_ORIGINS=app://switchboard
WORKDIR /app
# The workspace layout is kept: node_modules/@switchboard/* link to packages/ and apps/, and the
# server finds the widget and the web workbench beside it (apps/<name>/dist).
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules node_modules
COPY --from=build /src/packages/protocol/package.json packages/protocol/
COPY --from=build /src/packages/protocol/dist packages/protocol/dist
COPY --from=build /src/apps/server/package.json apps/server/
COPY --from=build /src/apps/server/dist apps/server/dist
COPY --from=build /src/apps/server/workers apps/server/workers
COPY --from=build /src/apps/widget/package.json apps/widget/
COPY --from=build /src/apps/widget/dist apps/widget/dist
COPY --from=build /src/apps/desktop/package.json apps/desktop/
COPY --from=build /src/apps/desktop/dist/web apps/desktop/dist/web
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.SWITCHBOARD_PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) closes the sockets, then the database.
STOPSIGNAL SIGTERM
CMD ["node", "--initial-old-space-size=512", "apps/server/dist/main.js"]
