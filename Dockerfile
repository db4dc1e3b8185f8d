# Builds and serves the OpenValue API. Configured by the same variables as ./openvalue.sh run:
# OPENVALUE_DB (connection string), OPENVALUE_URLS (listen address), OpenValue__FoundingKey.
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
RUN dotnet publish src/OpenValue.Api/OpenValue.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV OPENVALUE_URLS=http://0.0.0.0:5080
EXPOSE 5080
USER $APP_UID
ENTRYPOINT ["dotnet", "OpenValue.Api.dll"]
