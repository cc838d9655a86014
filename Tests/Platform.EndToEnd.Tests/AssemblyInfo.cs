// Each collection starts a whole AppHost; on two cores, one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
