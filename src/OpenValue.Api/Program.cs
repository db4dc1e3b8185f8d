using JasperFx;
using OpenValue.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenValue();

var app = builder.Build();
app.UseOpenValue();

// Plain serving skips JasperFx's command discovery (it scans every assembly and prints as it goes);
// with arguments, its commands (`codegen`, `resources`, `projections`, ...) are available.
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

/// <summary>Visible to the Alba test host.</summary>
public partial class Program;
