namespace FileBridge.Core.Sessions;

/// <summary>What ending one session by its id did.</summary>
public enum EndSessionResult
{
    /// <summary>No session of this person has that id (another person's, ended, or made up).</summary>
    NotFound,

    /// <summary>Another session of the person ended.</summary>
    Ended,

    /// <summary>The session the request came with ended: the caller is signed out.</summary>
    EndedCurrent,
}
