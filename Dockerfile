# Builds and serves the OpenValue API. Configured by the same variables as ./openvalue.sh run:
# OPENVALUE_DB (connection string), OPENVALUE_URLS (listen address), OpenValue__FoundingKey.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props ./
COPY src/OpenValue.Domain/OpenValue.Domain.csproj src/OpenValue.Domain/
COPY src/OpenValue.Api/OpenValue.Api.csproj src/OpenValue.Api/
RUN dotnet restore src/OpenValue.Api/OpenValue.Api.csproj
COPY src/ src/
RUN dotnet publish src/OpenValue.Api/OpenValue.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV OPENVALUE_URLS=http://0.0.0.0:5080
EXPOSE 5080
USER $APP_UID
ENTRYPOINT ["dotnet", "OpenValue.Api.dll"]
