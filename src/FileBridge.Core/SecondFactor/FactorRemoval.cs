namespace FileBridge.Core.SecondFactor;

/// <summary>What removing a factor did.</summary>
public enum FactorRemoval
{
    Removed,

    /// <summary>There was no such factor (or no such account).</summary>
    NotFound,

    /// <summary>Under <c>Required</c> the last factor stays (409 <c>last_factor</c>).</summary>
    LastFactor,
}
