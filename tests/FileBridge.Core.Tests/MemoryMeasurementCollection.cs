namespace FileBridge.Core.Tests;

/// <summary>
/// <see cref="GC.GetTotalMemory(bool)"/> counts every thread's live objects: tests that bound what a structure retains
/// run alone, so a parallel test's allocations are not charged to them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement";
}
