# syntax=docker/dockerfile:1
# `veil serve` with the bundled NER model (packages/ner-models/models, int8 ONNX, CPU).
#   docker build -t veil .
#   docker run --rm -p 8080:8080 -e VEIL_API_KEYS="acme:$(openssl rand -hex 24)" veil
#   docker run ... -e VEIL_STORE=redis://redis:6379 -e VEIL_VAULT_KEY=$(openssl rand -hex 32) veil   # replicas
ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
# onnxruntime-node's CPU binaries ship in its tarball; its install script would fetch the CUDA provider.
ENV ONNXRUNTIME_NODE_INSTALL=skip \
    CI=true
RUN corepack enable && corepack prepare pnpm@10.34.9 --activate
WORKDIR /src
COPY . .
# Only the service and what it needs (plus the workspace root's TypeScript), from the lockfile as committed; then the
# same install again without dev dependencies, so the image gets exactly the locked production packages.
RUN pnpm install --frozen-lockfile --filter . --filter "@veil/scanners..." \
 && pnpm --filter "@veil/scanners..." run build \
 && rm -rf node_modules packages/*/node_modules benchmarks/node_modules examples/*/node_modules \
 && pnpm install --frozen-lockfile --prod --filter "@veil/scanners..." \
 && test -f packages/scanners/dist/cli.js && test -f packages/ner-models/dist/index.js \
 && test -d packages/ner-models/models/veil-ner-small

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    ONNXRUNTIME_NODE_INSTALL=skip \
    VEIL_HOST=0.0.0.0 \
    VEIL_PORT=8080 \
    VEIL_NER=bundled
WORKDIR /app
# Owned by root and read-only to the service user.
COPY --from=build /src /app
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.VEIL_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/packages/scanners/bin/veil.js", "serve"]
