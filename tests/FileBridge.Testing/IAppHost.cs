namespace FileBridge.Testing;

/// <summary>A running FileBridge app a test talks to over HTTP: in the test process or as a child process.</summary>
public interface IAppHost : IAsyncDisposable
{
    /// <summary>The origin requests go to; what the app sees as its own origin.</summary>
    Uri BaseAddress { get; }

    /// <summary>Everything the app logged so far, e.g. to count events or to prove no secret was logged.</summary>
    string Output { get; }

    /// <summary>A client that follows no redirects and keeps no cookies (tests carry the session cookie by hand).</summary>
    HttpClient CreateClient();
}
