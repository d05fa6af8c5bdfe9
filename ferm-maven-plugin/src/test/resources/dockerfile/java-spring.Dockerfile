# syntax=docker/dockerfile:1.7
# A Spring Boot service: Maven build stage, a debug stage, a slim runtime.

ARG JAVA_VERSION=21
ARG APP_PORT=8080

FROM maven:3.9-eclipse-temurin-${JAVA_VERSION} AS build
WORKDIR /src
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q package -DskipTests && \
    cp target/*.jar /app.jar

FROM eclipse-temurin:${JAVA_VERSION}-jre AS runtime
ARG APP_PORT
ARG MANAGEMENT_PORT=8081
ENV SERVER_PORT=${APP_PORT} \
    MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT} \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
LABEL org.opencontainers.image.title="orders" \
      org.opencontainers.image.source="https://example.com/orders.git" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system app && useradd --system --gid app app
USER app
COPY --from=build /app.jar /opt/app/app.jar
EXPOSE ${SERVER_PORT}/tcp $MANAGEMENT_SERVER_PORT
HEALTHCHECK --interval=30s CMD ["curl", "-fsS", "http://localhost:8081/actuator/health"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/app/app.jar"]

FROM runtime AS debug
ENV JAVA_TOOL_OPTIONS="-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005"
EXPOSE 5005
