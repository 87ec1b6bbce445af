# ecs-local in a container: docker build -t ecs-local . && docker run -p 4566:4566 ecs-local
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json vitest.config.ts ./
COPY scripts ./scripts
COPY src ./src
COPY schemas ./schemas
COPY test ./test
COPY bench ./bench
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV HOST=0.0.0.0 PORT=4566 NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schemas ./schemas
EXPOSE 4566
USER node
CMD ["node", "dist/src/main.js"]
