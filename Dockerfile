# Accord's service image: Node 24 runs the TypeScript sources directly (type stripping),
# so there is no build stage to keep in step; the first stage only installs production
# dependencies.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-fund --no-audit && npm cache clean --force

FROM node:24-slim
ENV NODE_ENV=production
# Safe for a deployment unless told otherwise: no access without an API key (mount a keys file
# and set ACCORD_KEYS_FILE), no GraphiQL, no introspection. docker-compose.yml, for local use,
# sets them back. The app's files belong to root: the service (user node) can only read them.
ENV ACCORD_ANONYMOUS_ROLE=none \
    ACCORD_GRAPHIQL=false \
    ACCORD_INTROSPECTION=false
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY data ./data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:4000/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "src/main.ts"]
