using System.Diagnostics;
using OpenValue.Api.Accounts;
using OpenValue.Api.Tests.Activity;
using OpenValue.Api.Tests.Contributions;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain;

namespace OpenValue.Api.Tests.Accounts;

/// <summary>
/// The operator's recovery of a network whose stewards are all locked out: a fresh invitation link for a
/// steward, recorded on the network; refused for anyone else and without a reason, appending nothing.
/// </summary>
[Collection(AppCollection.Name)]
public class recovering_a_network(AppFixture app)
{
    private readonly ApiClient api = new(app);

    private Task<string> Recover(FoundedNetwork n, Guid member, string? reason = "All stewards lost access") =>
        Recovery.Recover(app.Store, app.Clock, n.NetworkId, member, reason, "http://openvalue.example/");

    [Fact]
    public async Task A_steward_gets_a_link_that_signs_them_in_and_every_member_sees_the_fact()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var before = await app.EventCount(n.NetworkId);

        var link = await Recover(n, n.MemberId);

        link.Should().StartWith("http://openvalue.example/app/invitation#");
        (await app.EventCount(n.NetworkId)).Should().Be(before + 1);
        var login = $"ada-{Guid.NewGuid():N}@example.org";
        var accepted = await api.Post<AccountResponse>("/accounts/invitations/acceptance",
            new { token = link.Split('#')[1], login, password = "a long and good password", createAccount = true });
        accepted.Expect(200);

        var feed = await api.Activity(n, bob.Token);
        var entry = feed.Items[0];
        entry.Type.Should().Be("member-access-recovered");
        entry.MemberName.Should().Be("Ada");
        entry.ActorId.Should().BeNull("the operator is no member");
        entry.Summary.Should().Be(
            "The server's operator issued the steward a recovery invitation link; their earlier links stopped " +
            "working: All stewards lost access.");
    }

    [Fact]
    public async Task Anyone_but_a_steward_of_the_network_and_an_empty_reason_are_refused_appending_nothing()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");
        var other = await api.Found("Other");
        var before = await app.EventCount(n.NetworkId);

        (await Refused(() => Recover(n, bob.MemberId))).Code.Should().Be("invalid-member");
        (await Refused(() => Recover(n, Guid.NewGuid()))).Code.Should().Be("member-not-found");
        (await Refused(() => Recover(n, other.MemberId))).Code.Should().Be("member-not-found");
        (await Refused(() => Recover(n, n.MemberId, " "))).Code.Should().Be("invalid-reason");
        (await Refused(() => Recovery.Recover(app.Store, app.Clock, Guid.NewGuid(), n.MemberId, "x", "http://h")))
            .Code.Should().Be("network-not-found");
        (await app.EventCount(n.NetworkId)).Should().Be(before);
    }

    [Fact]
    public async Task The_command_line_prints_the_link_once_and_exits_non_zero_when_refused()
    {
        var n = await api.Found();
        var bob = await api.Admit(n, "Bob", "labour", "contributor");

        var (code, output) = await Run("--network", n.NetworkId.ToString(), "--member", n.MemberId.ToString(),
            "--reason", "Locked out", "--url", "http://openvalue.example");
        code.Should().Be(0, output);
        output.Should().Contain("http://openvalue.example/app/invitation#");
        var refused = await Run("--network", n.NetworkId.ToString(), "--member", bob.MemberId.ToString(),
            "--reason", "Locked out");
        refused.Code.Should().NotBe(0);
        refused.Output.Should().Contain("is not a steward").And.NotContain("/app/invitation#");
    }

    private static async Task<RuleViolation> Refused(Func<Task> act) =>
        (await act.Should().ThrowAsync<RuleViolation>()).Which;

    /// <summary>The API's command-line mode, as ./openvalue.sh recover runs it, against the tests' database.</summary>
    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenValue.Api.dll"));
        start.ArgumentList.Add("recover");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
