using JasperFx;
using OpenValue.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenValue();

var app = builder.Build();
app.UseOpenValue();

return await app.RunJasperFxCommands(args);

/// <summary>Visible to the Alba test host.</summary>
public partial class Program;
