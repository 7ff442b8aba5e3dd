namespace FileBridge.Core.Tests;

/// <summary>
/// Tests that measure the process (<see cref="GC.GetTotalMemory(bool)"/> counts every thread's objects) or the
/// processor's time run alone, so a parallel test's allocations or work are not charged to them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Measurement";
}
