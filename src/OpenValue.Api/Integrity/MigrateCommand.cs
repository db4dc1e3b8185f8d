using JasperFx.CommandLine;

namespace OpenValue.Api.Integrity;

public sealed class MigrateInput : NetCoreInput
{
    [Description("The app's runtime role: granted what it needs, and no UPDATE or DELETE on the event tables")]
    public string RuntimeRoleFlag { get; set; } = "";
}

/// <summary>
/// <c>dotnet OpenValue.Api.dll migrate [--runtime-role NAME]</c>: applies the whole schema as the connection's role
/// (the
/// schema's owner), before the app starts as its runtime role. <c>./openvalue.sh run</c> does both.
/// </summary>
[Description("Apply the database schema (as its owner) and grant the runtime role its rights", Name = "migrate")]
public sealed class MigrateCommand : JasperFxAsyncCommand<MigrateInput>
{
    public override async Task<bool> Execute(MigrateInput input)
    {
        using var host = input.BuildHost();
        await Migration.Apply(host.Services, input.RuntimeRoleFlag, CancellationToken.None);
        Console.WriteLine(input.RuntimeRoleFlag.Length > 0
            ? $"migrate: schema applied; {input.RuntimeRoleFlag} granted the runtime rights"
            : "migrate: schema applied");
        return true;
    }
}
