# escape=`
# Static site behind nginx; the backtick escape is common in Windows-authored Dockerfiles.
FROM node:20 AS assets
WORKDIR /site
COPY . .
RUN npm ci && `
    npm run build

FROM nginx:1.27-alpine
LABEL org.opencontainers.image.title="marketing-site" `
      org.opencontainers.image.description="Public web site"
COPY --from=assets /site/dist /usr/share/nginx/html
COPY nginx.conf /etc/nginx/conf.d/default.conf
EXPOSE 80/tcp 443/tcp `
       443/udp
STOPSIGNAL SIGQUIT
