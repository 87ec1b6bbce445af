# ecs-local in a container:
#   docker build -t ecs-local . && docker run -p 4566:4566 ecs-local
# With no npm registry at hand, after npm ci: node scripts/image-vendor.mjs, then docker build.
# The base is any image with node (20–24) on its PATH; by default Node 24, the newest LTS line the
# project is tested on: --build-arg BASE_IMAGE=node:22-bookworm-slim for another.
# Every instruction runs node or npm directly (no shell), so a base holding only node and npm will do.
ARG BASE_IMAGE=node:24-bookworm-slim

FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only: these are what the image ships. From the context's vendor/ when it
# holds the lockfile's (scripts/image-vendor.mjs writes it after npm ci: a build with no registry),
# else fetched by npm ci. package.json is named beside vendo[r] so that the COPY holds without it.
COPY scripts/image-packages.mjs scripts/image-deps.mjs ./scripts/
COPY package.json vendo[r] /tmp/vendor/
RUN ["node", "scripts/image-deps.mjs", "/tmp/vendor"]
# better-sqlite3 is native and its build step was skipped: image-native.mjs makes it load (or checks
# that node:sqlite is there instead). The second source is the context's own build, when there is one.
COPY scripts/image-native.mjs ./scripts/
COPY package.json node_modules/better-sqlite3/build/Release/better_sqlite3.nod[e] /tmp/native/
RUN ["node", "scripts/image-native.mjs", "/tmp/native"]
# esbuild reads the compiler options that change emitted code (class fields) from tsconfig.json.
COPY tsconfig.json ./
COPY scripts/image-compile.mjs scripts/buildRecord.mjs scripts/transpile.mjs scripts/build-validators.mjs scripts/console-bundle.mjs scripts/server-bundle.mjs scripts/split-bundle.mjs scripts/code-cache.mjs ./scripts/
COPY schemas ./schemas
COPY src ./src
RUN ["node", "scripts/image-compile.mjs", "/tmp/tools", "/tmp/vendor/tools"]
# Where state is kept, owned by the user the server runs as.
RUN ["node", "-e", "require('fs').mkdirSync('/app/data')"]

FROM ${BASE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4566 ECS_LOCAL_STATE_DIR=/data
COPY --from=build /app/package.json /app/build-info.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/bundle ./dist/bundle
COPY --from=build /app/dist/validators ./dist/validators
COPY --from=build /app/dist/console ./dist/console
COPY schemas ./schemas
COPY --from=build --chown=1000:1000 /app/data /data
VOLUME ["/data"]
USER 1000:1000
EXPOSE 4566
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4566) + '/_ecs-local/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/bundle/ecs-local.cjs"]
