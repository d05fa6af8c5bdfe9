# syntax=docker/dockerfile:1
# A Go service cross-compiled for the target platform, shipped on distroless.
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot
ARG TARGETARCH
ARG GRPC_PORT=9090
LABEL org.opencontainers.image.title="inventory" arch=${TARGETARCH}
COPY --from=build /out/server /server
EXPOSE 8080 ${GRPC_PORT} 7946/tcp 7946/udp
ENTRYPOINT ["/server"]
