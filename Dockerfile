# Builds and serves the OpenValue API. Configured by the same variables as ./openvalue.sh run:
# OPENVALUE_DB (connection string), OPENVALUE_URLS (listen address), OpenValue__FoundingKey. The schema is
# applied by `migrate` before the app starts (docker-compose.yml runs it as a one-off service).
# The web app, built by Node in its own stage; only its dist/ goes on.
FROM node:22-bookworm-slim AS web
WORKDIR /web
COPY src/OpenValue.Web/package.json src/OpenValue.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/OpenValue.Web/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props ./
COPY src/OpenValue.Domain/OpenValue.Domain.csproj src/OpenValue.Domain/
COPY src/OpenValue.Api/OpenValue.Api.csproj src/OpenValue.Api/
RUN dotnet restore src/OpenValue.Api/OpenValue.Api.csproj
COPY src/ src/
# Published beside the app as webapp/ (see OpenValue.Api.csproj), served at /app.
COPY --from=web /web/dist src/OpenValue.Web/dist
# Wolverine's handler code, written from these sources (`codegen write`) and compiled in: the app loads it
# instead of compiling handlers at start, and the build refuses code written from other sources.
COPY openvalue.sh ./
RUN ./openvalue.sh codegen
RUN dotnet publish src/OpenValue.Api/OpenValue.Api.csproj -c Release -o /app --no-restore \
    -p:OpenValueGeneratedCode=Static

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV OPENVALUE_URLS=http://0.0.0.0:5080
# The app changes no schema: `migrate` (the image's command `migrate --runtime-role NAME`, as the schema's owner)
# applies it first, as docker-compose.yml does.
ENV OpenValue__ApplySchemaOnStartup=false
EXPOSE 5080
USER $APP_UID
ENTRYPOINT ["dotnet", "OpenValue.Api.dll"]
