using System.Diagnostics;
using OpenValue.Web.Tests.Infrastructure;

namespace OpenValue.Cluster.Tests;

/// <summary>One running app process and the id Wolverine registered for it in the shared database.</summary>
public sealed class Node : IAsyncDisposable
{
    private Node(AppServer server, Guid id, string name) => (Server, Id, Name) = (server, id, name);

    public AppServer Server { get; }
    public Guid Id { get; }
    public string Name { get; }
    public HttpClient Http => new() { BaseAddress = Server.Address, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Starts a node and waits until it has registered itself, so its Wolverine id is known (nodes are started one
    /// at a time: the newly registered id is this node's).
    /// </summary>
    public static async Task<Node> Start(ClusterDatabase db, string name)
    {
        var before = (await db.NodeIds()).ToHashSet();
        var server = await AppServer.Start(db.Connection);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var added = (await db.NodeIds()).Where(id => !before.Contains(id)).ToList();
            if (added.Count == 1)
                return new Node(server, added[0], name);
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"node {name} did not register with Wolverine in 60 s");
    }

    private bool stopped;

    /// <summary>kill -9: the process gets no chance to hand its work over or remove its record.</summary>
    public async ValueTask Kill()
    {
        if (stopped)
            return;
        stopped = true;
        await Server.DisposeAsync();
    }

    public ValueTask DisposeAsync() => Kill();

    public override string ToString() => Name;
}
