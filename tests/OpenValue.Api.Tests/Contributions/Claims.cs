using OpenValue.Api.Contributions;
using OpenValue.Api.Networks;
using OpenValue.Api.Networks.Projects;
using OpenValue.Api.Tests.Infrastructure;
using OpenValue.Domain.Contributions;

namespace OpenValue.Api.Tests.Contributions;

/// <summary>Set-up steps for contribution tests: a valid claim to vary, and typed submit/review helpers.</summary>
public static class Claims
{
    public static Dictionary<string, object?> Work(string quantity = "12.5") => new()
    {
        ["kind"] = "work", ["quantity"] = quantity, ["unit"] = "hour", ["occurredOn"] = "2026-11-20",
        ["description"] = "Router jig for the Wikihouse frame", ["evidenceUrl"] = "https://example.org/jig",
            ["projectId"] = null,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> claim, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(claim) { [field] = value };
        return copy;
    }

    public static string Url(this FoundedNetwork network, string path = "") => $"/networks/{network.NetworkId}{path}";

    public static async Task<Guid> Submit(this ApiClient api, FoundedNetwork network, string token, Dictionary<string,
        object?>? claim = null)
    {
        var submitted = await api.Post<ContributionSubmittedResponse>(network.Url("/contributions"), claim ?? Work(),
            token);
        return submitted.Expect(201).ContributionId;
    }

    /// <summary>
    /// Reviews the contribution as its current version (read first with the same token, as a reviewer's client
    /// would), or as <paramref name="expectedVersion"/> when given.
    /// </summary>
    public static async Task<Reply<ContributionResponse>> Review(
        this ApiClient api, FoundedNetwork network, Guid contributionId, string token, string verdict = "approve",
            string? reason = null,
        long? expectedVersion = null)
    {
        if (expectedVersion is null)
        {
            var (status, body, _) = await api.Get<ContributionResponse>(network.Url($"/contributions/{contributionId}"),
                token);
            expectedVersion = status == 200 ? body!.Version : 0;
        }
        return await api.Post<ContributionResponse>(network.Url($"/contributions/{contributionId}/reviews"),
            new { verdict, reason, expectedVersion }, token);
    }

    public static Task<Reply<ContributionResponse>> Amend(
        this ApiClient api, FoundedNetwork network, Guid contributionId, string token, Dictionary<string,
            object?> claim) =>
        api.Send<ContributionResponse>(HttpMethod.Put, network.Url($"/contributions/{contributionId}"), claim, token);

    public static async Task<ContributionStatus> StatusOf(this ApiClient api, FoundedNetwork network,
        Guid contributionId) =>
        (await api.Get<ContributionResponse>(network.Url($"/contributions/{contributionId}"), network.Token))
        .Expect(200).Status;

    public static async Task SetQuorum(this ApiClient api, FoundedNetwork network, int approvalsRequired)
    {
        var set = await api.Post<ReviewPolicyResponse>(network.Url("/review-policy"), new { approvalsRequired },
            network.Token);
        set.Expect(200).ApprovalsRequired.Should().Be(approvalsRequired);
    }

    public static async Task<Guid> OpenProject(this ApiClient api, FoundedNetwork network, string name)
    {
        var opened = await api.Post<ProjectOpenedResponse>(network.Url("/projects"), new { name }, network.Token);
        return opened.Expect(201).ProjectId;
    }
}
