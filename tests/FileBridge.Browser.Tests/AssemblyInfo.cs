// One browser, one DevHost and timing measurements: tests run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
