# escape=\
# A Node.js web app with a websocket port and a metrics port.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:${NODE_VERSION}-alpine AS build
WORKDIR /app
COPY . .
RUN <<EOF
npm ci
npm run build
# the next line is in the heredoc body, not an instruction
EXPOSE 9229
EOF

FROM node:${NODE_VERSION}-alpine
ENV NODE_ENV=production PORT=3000
ARG WS_PORT=3001
ENV WS_PORT=$WS_PORT
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY <<-"CONFIG" /app/config.json
	{"port": 3000, "metrics": "${METRICS_PORT}"}
	CONFIG
LABEL org.opencontainers.image.title=storefront maintainer="web team"
EXPOSE $PORT \
       ${WS_PORT} \
       # metrics, scraped by Prometheus
       9464
USER node
CMD ["node", "dist/server.js"]
